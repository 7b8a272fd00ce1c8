//! A draft's photos settled: each one's size (from the markup, else from
//! its file's header: the local file, or the first bytes of a ranged HTTP
//! read, through the `imagesize` crate), and, when asked, its file saved
//! into the site's `media/` folder instead of linking to the original.
//! A photo of a saved page that is on the disk is always copied: a link to
//! a local file means nothing to a reader.

use std::path::Path;

use sha2::{Digest, Sha256};
use url::Url;

use super::draft::{Draft, MediaLinks};
use super::draft::{Piece, Size};
use super::fetch::{Fetcher, Location};
use super::warning::Warning;
use crate::site::{link, SiteDir};

/// How many bytes of an image are read for its header.
const HEADER_BYTES: usize = 64 * 1024;

/// What to do with a draft's photos.
pub struct Media<'a> {
    /// Where files come from.
    pub fetcher: &'a Fetcher,
    /// The site whose `media/` folder saved files go to.
    pub site: &'a SiteDir,
    /// Save every photo into `media/`.
    pub download: bool,
}

impl Media<'_> {
    /// Sizes the draft's photos and saves their files as asked; returns where
    /// the saved ones are, relative to an article's JSON.
    pub fn settle(&self, draft: &mut Draft) -> MediaLinks {
        let mut links = MediaLinks::new();
        let mut kept = Vec::with_capacity(draft.body.len());
        for mut piece in std::mem::take(&mut draft.body) {
            if let Piece::Image(picture) = &mut piece {
                let settled = match &picture.local {
                    Some(file) => self.settle_local(&picture.src, file),
                    None => self.settle_one(&picture.src, picture.size),
                };
                picture.size = picture.size.or(settled.size);
                if let Some(saved) = settled.saved {
                    links.insert(picture.src.clone(), saved);
                }
                if let Some(warning) = settled.warning {
                    let dropped = matches!(warning, Warning::MissingLocalFile(_));
                    draft.warnings.push(warning);
                    if dropped {
                        continue;
                    }
                }
            }
            kept.push(piece);
        }
        draft.body = kept;
        links
    }

    /// The size of the photo at `src` if not `known`, the file it was saved
    /// to, and what went wrong.
    fn settle_one(&self, src: &Url, known: Option<Size>) -> Settled {
        if src.scheme() == "file" {
            let Some(path) = src.to_file_path().ok() else {
                return Settled::warning(Warning::MissingLocalFile(src.to_string()));
            };
            let Ok(bytes) = std::fs::read(&path) else {
                return Settled::warning(Warning::MissingLocalFile(path.display().to_string()));
            };
            return match self.save(src, &bytes) {
                Ok(saved) => Settled {
                    size: size_of(&bytes),
                    saved: Some(saved),
                    warning: None,
                },
                Err(why) => Settled::warning(Warning::MissingLocalFile(format!(
                    "{} ({why})",
                    path.display()
                ))),
            };
        }
        if self.download {
            let saved = self
                .fetcher
                .get(&Location::Web(src.clone()))
                .map_err(|e| e.to_string())
                .and_then(|f| Ok((size_of(&f.bytes), self.save(src, &f.bytes)?)));
            return match saved {
                Ok((size, saved)) => Settled {
                    size,
                    saved: Some(saved),
                    warning: None,
                },
                // Linked instead, and sized as a linked photo is.
                Err(why) => Settled {
                    size: known.is_none().then(|| self.probe(src)).flatten(),
                    saved: None,
                    warning: Some(Warning::MediaNotDownloaded(src.to_string(), why)),
                },
            };
        }
        Settled {
            size: known.is_none().then(|| self.probe(src)).flatten(),
            saved: None,
            warning: None,
        }
    }

    /// A photo whose file is beside the saved page: its size from the
    /// file, and the file copied into `media/` if downloads are asked for.
    fn settle_local(&self, src: &Url, file: &Path) -> Settled {
        let Ok(bytes) = std::fs::read(file) else {
            return self.settle_one(src, None);
        };
        let saved = if self.download {
            self.save(src, &bytes).ok()
        } else {
            None
        };
        Settled {
            size: size_of(&bytes),
            saved,
            warning: None,
        }
    }

    /// The size in an image file's header, read over HTTP.
    fn probe(&self, src: &Url) -> Option<Size> {
        if self.fetcher.offline() {
            return None;
        }
        self.fetcher
            .head(src, HEADER_BYTES)
            .ok()
            .as_deref()
            .and_then(size_of)
    }

    /// Writes `bytes` to `media/` under a name made from `src` (so a second
    /// import writes the same file); the link to it from an article.
    fn save(&self, src: &Url, bytes: &[u8]) -> Result<String, String> {
        let kind = imagesize::image_type(bytes).map_err(|_| "not an image".to_owned())?;
        let extension = match kind {
            imagesize::ImageType::Jpeg => "jpg",
            imagesize::ImageType::Png => "png",
            imagesize::ImageType::Gif => "gif",
            imagesize::ImageType::Webp => "webp",
            _ => return Err("not a JPEG, PNG, GIF, WebP or AVIF image".into()),
        };
        let hash = Sha256::digest(src.as_str().as_bytes());
        let name: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
        let name = format!("{name}.{extension}");
        let dir = self.site.media();
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        write_if_changed(&dir.join(&name), bytes).map_err(|e| e.to_string())?;
        Ok(link::media(&name))
    }
}

/// What settling one photo came to.
struct Settled {
    size: Option<Size>,
    saved: Option<String>,
    warning: Option<Warning>,
}

impl Settled {
    fn warning(warning: Warning) -> Settled {
        Settled {
            size: None,
            saved: None,
            warning: Some(warning),
        }
    }
}

/// Width and height from an image file's first bytes.
pub fn size_of(bytes: &[u8]) -> Option<Size> {
    let size = imagesize::blob_size(bytes).ok()?;
    Size::new(
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    )
}

/// Writes `bytes` to `path` unless it holds them already (a second import
/// leaves the file as it was).
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    std::fs::write(path, bytes)
}
