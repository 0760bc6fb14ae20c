/**
 * Pictures: uploads decoded and re-encoded without their metadata, stored in a few widths as WebP and JPEG under
 * random names, and served only to those who may see what they are attached to. Other features upload and attach
 * through {@link org.tribune.media.MediaService} and say who may see their pictures by implementing
 * {@link org.tribune.media.PictureAccess}; this feature never reads their tables.
 */
package org.tribune.media;
