package org.tribune.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of its first image directory), read by a small parser of our own that
 * looks at nothing else, and applied to the pixels, since the metadata that told viewers to turn the picture is
 * dropped with the rest. Broken or missing data means "as stored" (1).
 */
final class Orientation {

    private Orientation() {
    }

    /** 1 to 8 as EXIF defines them; 1 when the file says nothing readable. */
    static int of(byte[] jpeg) {
        try {
            return read(jpeg);
        } catch (RuntimeException broken) {
            return 1;
        }
    }

    /** Whether this orientation swaps width and height. */
    static boolean turnsSideways(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int read(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xff) != 0xFF) {
                return 1;
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xD9 || marker == 0xDA) { // end of image, or the pixels start: no EXIF before them
                return 1;
            }
            int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            int start = at + 4;
            if (marker == 0xE1 && length >= 16 && start + 6 <= b.length && b[start] == 'E' && b[start + 1] == 'x'
                    && b[start + 2] == 'i' && b[start + 3] == 'f' && b[start + 4] == 0 && b[start + 5] == 0) {
                int value = fromTiff(b, start + 6, Math.min(b.length, at + 2 + length));
                if (value != 0) {
                    return value;
                }
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 0;
        }
        long ifd = int32(b, tiff + 4, little, end);
        int directory = (int) (tiff + ifd);
        if (ifd < 8 || directory + 2 > end) {
            return 0;
        }
        int entries = int16(b, directory, little, end);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + i * 12;
            if (entry + 12 > end) {
                return 0;
            }
            if (int16(b, entry, little, end) == 0x0112 && int16(b, entry + 2, little, end) == 3) {
                int value = int16(b, entry + 8, little, end);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    private static int int16(byte[] b, int at, boolean little, int end) {
        if (at + 2 > end) {
            throw new IndexOutOfBoundsException(at);
        }
        return little ? (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) : ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long int32(byte[] b, int at, boolean little, int end) {
        if (at + 4 > end) {
            throw new IndexOutOfBoundsException(at);
        }
        long lo = int16(b, little ? at : at + 2, little, end);
        long hi = int16(b, little ? at + 2 : at, little, end);
        return (hi << 16) | lo;
    }

    /** The picture as it is meant to be seen: turned and mirrored as the orientation says. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = turnsSideways(orientation);
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
