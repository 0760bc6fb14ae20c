/**
 * Link previews for posts: {@link org.tribune.post.preview.LinkPreviews} fetches a linked page through
 * {@link org.tribune.post.preview.SafeFetch} (the guard against server-side request forgery), reads its OpenGraph
 * tags, re-encodes its picture without metadata and serves it from {@code /previews/{id}.jpg}. The preview of a
 * post travels with it ({@link org.tribune.post.PostItem}), so this package is part of the post module's face.
 */
@org.springframework.modulith.NamedInterface("preview")
package org.tribune.post.preview;
