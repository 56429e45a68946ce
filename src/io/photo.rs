//! Attaching a photo to an exercise: an image file the user picked, read with a size bound,
//! checked, and scaled so its longer side is at most [`MAX_SIDE_PX`] pixels (a JPEG, or a PNG
//! when it has transparency), then kept inside the plan. And the pixels of a kept photo, for
//! the window.

use std::io::Read;
use std::path::{Path, PathBuf};

use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader, Limits};

use crate::model::{Photo, PhotoFormat};

/// Longest side of a kept photo, in pixels: sharp on a printed card, small in the file.
pub const MAX_SIDE_PX: u32 = 1200;

/// Largest image file attached, in bytes (a camera's photo is well under it).
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;

/// Largest picture decoded, in pixels on a side and in bytes of memory.
const MAX_DECODE_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

/// JPEG quality of a scaled photo.
const JPEG_QUALITY: u8 = 85;

/// Why an image could not be attached or shown.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("{path}: cannot read it ({source}); check the file and try again")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a regular file; pick a PNG or JPEG image")]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: {size_mb} MB is too large (at most {} MB); export a smaller copy and attach that",
        MAX_FILE_BYTES / 1024 / 1024
    )]
    TooLarge { path: PathBuf, size_mb: u64 },
    #[error("{path}: not a PNG or JPEG image; save it as one and attach it again")]
    NotAnImage { path: PathBuf },
    #[error("{path}: the image cannot be read ({reason}); it may be damaged")]
    Corrupt { path: PathBuf, reason: String },
    #[error("cannot keep the scaled photo ({0})")]
    Encode(String),
}

/// Reads the image file at `path` and makes it a photo to keep in a plan, scaled down when
/// larger than [`MAX_SIDE_PX`]. The caption is the file's name without its extension.
pub fn import_photo(path: &Path) -> Result<Photo, PhotoError> {
    let read_err = |source| PhotoError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(PhotoError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge {
            path: path.to_path_buf(),
            size_mb: meta.len() / 1024 / 1024,
        });
    }
    // Bounded even if the file grows while it is read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(read_err)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    let caption = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    photo_from_bytes(bytes, caption).map_err(|e| match e {
        Failure::NotAnImage => PhotoError::NotAnImage {
            path: path.to_path_buf(),
        },
        Failure::Corrupt(reason) => PhotoError::Corrupt {
            path: path.to_path_buf(),
            reason,
        },
        Failure::Encode(reason) => PhotoError::Encode(reason),
    })
}

/// Why bytes did not make a photo.
#[derive(Debug)]
enum Failure {
    NotAnImage,
    Corrupt(String),
    Encode(String),
}

/// A photo from an image file's bytes: kept as it is when it is small enough, else scaled.
fn photo_from_bytes(bytes: Vec<u8>, caption: String) -> Result<Photo, Failure> {
    let format = PhotoFormat::sniff(&bytes).ok_or(Failure::NotAnImage)?;
    let image = decode(&bytes, format).map_err(Failure::Corrupt)?;
    let (w, h) = image.dimensions();
    if w.max(h) <= MAX_SIDE_PX && bytes.len() <= crate::model::MAX_PHOTO_BYTES / 2 {
        return Ok(Photo {
            caption,
            format,
            data: bytes,
        });
    }
    let scaled = if w.max(h) > MAX_SIDE_PX {
        image.resize(
            MAX_SIDE_PX,
            MAX_SIDE_PX,
            image::imageops::FilterType::Triangle,
        )
    } else {
        image
    };
    let (data, format) = encode(&scaled).map_err(Failure::Encode)?;
    Ok(Photo {
        caption,
        format,
        data,
    })
}

/// Decodes `bytes` of `format`, refusing pictures too large to hold in memory.
fn decode(bytes: &[u8], format: PhotoFormat) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes));
    reader.set_format(match format {
        PhotoFormat::Png => ImageFormat::Png,
        PhotoFormat::Jpeg => ImageFormat::Jpeg,
    });
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    reader.decode().map_err(|e| e.to_string())
}

/// A JPEG of `image`, or a PNG when it has transparency.
fn encode(image: &DynamicImage) -> Result<(Vec<u8>, PhotoFormat), String> {
    let mut out = std::io::Cursor::new(Vec::new());
    if image.color().has_alpha() {
        image
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        return Ok((out.into_inner(), PhotoFormat::Png));
    }
    let rgb = image.to_rgb8();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    rgb.write_with_encoder(encoder).map_err(|e| e.to_string())?;
    Ok((out.into_inner(), PhotoFormat::Jpeg))
}

/// The pixels of a kept photo: width, height and RGBA bytes, or why it cannot be decoded (the
/// window then says so instead of showing it).
pub fn photo_pixels(photo: &Photo) -> Result<(u32, u32, Vec<u8>), String> {
    let image = decode(&photo.data, photo.format)?;
    let rgba = image.to_rgba8();
    Ok((rgba.width(), rgba.height(), rgba.into_raw()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let image = DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        }));
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).expect("png");
        out.into_inner()
    }

    #[test]
    fn a_small_photo_is_kept_as_it_is() {
        let bytes = png(40, 30);
        let photo = photo_from_bytes(bytes.clone(), "start".into()).expect("photo");
        assert_eq!(photo.data, bytes);
        assert_eq!(photo.format, PhotoFormat::Png);
        assert!(photo.problem().is_none());
    }

    #[test]
    fn a_large_photo_is_scaled_to_the_longest_side() {
        let photo = photo_from_bytes(png(3000, 1500), String::new()).expect("photo");
        assert_eq!(photo.format, PhotoFormat::Jpeg);
        let (w, h, rgba) = photo_pixels(&photo).expect("pixels");
        assert_eq!((w, h), (MAX_SIDE_PX, MAX_SIDE_PX / 2));
        assert_eq!(rgba.len(), (w * h * 4) as usize);
        assert!(photo.data.len() < crate::model::MAX_PHOTO_BYTES);
    }

    #[test]
    fn not_an_image_and_a_cut_image_are_told_apart() {
        assert!(matches!(
            photo_from_bytes(b"hello".to_vec(), String::new()),
            Err(Failure::NotAnImage)
        ));
        let mut cut = png(200, 200);
        cut.truncate(60);
        assert!(matches!(
            photo_from_bytes(cut, String::new()),
            Err(Failure::Corrupt(_))
        ));
    }
}
