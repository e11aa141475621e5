# English messages of src/images/

## A photo that cannot be published (src/images/error.rs)

images-unsupported = the image `{ $file }` is not a JPEG photo, a PNG image or a WebP image: Gazette cannot publish it
images-unsupported-help = save it as JPEG (for a photo) or PNG (for a drawing or a screenshot) from your image editor, then replace the file
images-corrupt = the image `{ $file }` is damaged or incomplete: it cannot be read
images-corrupt-help = open it in an image editor to check that it shows in full, then save it again, or copy it again from the original
images-too-many-pixels = the image `{ $file }` is { $width } × { $height } pixels ({ $megapixels } megapixels), more than the limit of { $limit } megapixels
images-too-many-pixels-help = shrink it in an image editor (4000 pixels wide is enough for every screen), then replace the file
images-too-long = the image `{ $file }` is too narrow for its length: one of its published sizes would be { $width } × { $height } pixels, and WebP allows no more than { $limit } on a side
images-too-long-help = crop it in an image editor, or cut it into several images

## A photo whose size does not fit where it is shown (src/render/photo_fit.rs)

images-oversized = the photo `{ $file }` is { $width } pixels wide, but the site never shows it wider than { $widest } pixels: it weighs { $weight } in the repository for pixels no reader sees
images-oversized-help = shrink it to at most { $limit } pixels wide in an image editor, then replace the file: the published photo stays as sharp
images-too-small = the cover `{ $file }` is only { $width } pixels wide, narrower than the { $min } pixels the theme shows a cover at on a common screen: it will look blurred
images-too-small-help = replace it with a version at least { $min } pixels wide (the camera's or the photo library's original), or show it in the text rather than as the cover
