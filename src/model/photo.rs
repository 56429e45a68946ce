//! Photos a physio attaches to an exercise of a plan. The plan file keeps them inside itself
//! (the image bytes in base64), so a plan opens with its pictures on any machine and never
//! points at another file: nothing in a plan makes the program read a file beside it. Photos
//! are scaled down when attached (`io::photo`), so each stays small.

use serde::{Deserialize, Serialize};

/// Most photos one exercise keeps.
pub const MAX_PHOTOS: usize = 6;

/// Largest photo kept, in bytes (an attached photo is scaled to well under this).
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

/// The image format of a photo's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhotoFormat {
    Png,
    Jpeg,
}

impl PhotoFormat {
    /// The format the bytes start like, if PNG or JPEG.
    pub fn sniff(bytes: &[u8]) -> Option<PhotoFormat> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(PhotoFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(PhotoFormat::Jpeg)
        } else {
            None
        }
    }

    /// `PNG`, `JPEG`.
    pub fn label(self) -> &'static str {
        match self {
            PhotoFormat::Png => "PNG",
            PhotoFormat::Jpeg => "JPEG",
        }
    }
}

/// One photo of an exercise: its bytes and what it shows.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// What it shows ("start position"); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    pub format: PhotoFormat,
    /// The image file's bytes, base64 in the plan file.
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
}

impl std::fmt::Debug for Photo {
    /// Not the bytes: a photo's debug line says what it is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Photo")
            .field("caption", &self.caption)
            .field("format", &self.format)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl Photo {
    /// What is wrong with the photo, if anything: its bytes must be the format it says,
    /// and no larger than [`MAX_PHOTO_BYTES`].
    pub fn problem(&self) -> Option<String> {
        if self.data.len() > MAX_PHOTO_BYTES {
            return Some(format!(
                "is {} KB, more than the {} KB a photo may have; attach it again in the window to scale it down",
                self.data.len() / 1024,
                MAX_PHOTO_BYTES / 1024
            ));
        }
        match PhotoFormat::sniff(&self.data) {
            Some(f) if f == self.format => None,
            Some(f) => Some(format!(
                "says {} but its data is {}; set format: {f:?}",
                self.format.label(),
                f.label()
            )),
            None => Some(format!(
                "data is not a {} image (it may be cut short); remove the photo and attach it again",
                self.format.label()
            )),
        }
    }
}

/// Bytes as one base64 string (standard alphabet, padded).
mod base64_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD
            .decode(text.trim())
            .map_err(|e| serde::de::Error::custom(format!("photo data is not base64: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_read_from_the_bytes() {
        assert_eq!(
            PhotoFormat::sniff(b"\x89PNG\r\n\x1a\nrest"),
            Some(PhotoFormat::Png)
        );
        assert_eq!(
            PhotoFormat::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(PhotoFormat::Jpeg)
        );
        assert_eq!(PhotoFormat::sniff(b"GIF89a"), None);
    }

    #[test]
    fn a_photo_whose_bytes_are_not_its_format_is_a_problem() {
        let photo = Photo {
            caption: String::new(),
            format: PhotoFormat::Jpeg,
            data: b"\x89PNG\r\n\x1a\n".to_vec(),
        };
        assert!(photo.problem().expect("a problem").contains("format: Png"));
        let cut = Photo {
            data: vec![1, 2, 3],
            ..photo
        };
        assert!(
            cut.problem()
                .expect("a problem")
                .contains("attach it again")
        );
    }
}
