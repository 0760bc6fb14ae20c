package org.tribune.media;

import java.awt.image.BufferedImage;

/**
 * The BlurHash placeholder (the published algorithm of github.com/woltapp/blurhash): a picture summed up as a few
 * cosine components of its colours, written in base 83 in about 30 characters, and drawn back into a tiny image.
 */
final class BlurHash {
    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private BlurHash() {
    }

    /** The hash of a picture with {@code componentsX} x {@code componentsY} components (each 1 to 9). */
    static String encode(BufferedImage image, int componentsX, int componentsY) {
        if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
            throw new IllegalArgumentException("components must be 1 to 9");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        double[][] factors = new double[componentsX * componentsY][];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                double normalisation = (i == 0 && j == 0) ? 1 : 2;
                double r = 0, g = 0, b = 0;
                for (int y = 0; y < height; y++) {
                    double cosY = Math.cos(Math.PI * j * y / height);
                    for (int x = 0; x < width; x++) {
                        double basis = Math.cos(Math.PI * i * x / width) * cosY;
                        int pixel = rgb[y * width + x];
                        r += basis * toLinear((pixel >> 16) & 0xff);
                        g += basis * toLinear((pixel >> 8) & 0xff);
                        b += basis * toLinear(pixel & 0xff);
                    }
                }
                double scale = normalisation / (width * height);
                factors[j * componentsX + i] = new double[] {r * scale, g * scale, b * scale};
            }
        }
        StringBuilder hash = new StringBuilder();
        append(hash, (componentsX - 1) + (componentsY - 1) * 9, 1);
        double maximum;
        if (factors.length > 1) {
            double actualMaximum = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double v : factors[k]) {
                    actualMaximum = Math.max(actualMaximum, Math.abs(v));
                }
            }
            int quantised = (int) Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5)));
            maximum = (quantised + 1) / 166.0;
            append(hash, quantised, 1);
        } else {
            maximum = 1;
            append(hash, 0, 1);
        }
        double[] dc = factors[0];
        append(hash, (toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            int r = quantiseAc(ac[0] / maximum);
            int g = quantiseAc(ac[1] / maximum);
            int b = quantiseAc(ac[2] / maximum);
            append(hash, r * 19 * 19 + g * 19 + b, 2);
        }
        return hash.toString();
    }

    /** The picture a hash stands for, drawn at {@code width} x {@code height}. */
    static BufferedImage decode(String hash, int width, int height) {
        if (hash == null || hash.length() < 6) {
            throw new IllegalArgumentException("not a BlurHash");
        }
        int sizeFlag = decode83(hash, 0, 1);
        int componentsY = sizeFlag / 9 + 1;
        int componentsX = sizeFlag % 9 + 1;
        if (hash.length() != 4 + 2 * componentsX * componentsY) {
            throw new IllegalArgumentException("not a BlurHash");
        }
        double maximum = (decode83(hash, 1, 2) + 1) / 166.0;
        double[][] colours = new double[componentsX * componentsY][];
        int dc = decode83(hash, 2, 6);
        colours[0] = new double[] {toLinear(dc >> 16), toLinear((dc >> 8) & 0xff), toLinear(dc & 0xff)};
        for (int k = 1; k < colours.length; k++) {
            int value = decode83(hash, 4 + k * 2, 6 + k * 2);
            colours[k] = new double[] {
                    signedPow((value / (19 * 19) - 9) / 9.0, 2) * maximum,
                    signedPow((value / 19 % 19 - 9) / 9.0, 2) * maximum,
                    signedPow((value % 19 - 9) / 9.0, 2) * maximum};
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r = 0, g = 0, b = 0;
                for (int j = 0; j < componentsY; j++) {
                    for (int i = 0; i < componentsX; i++) {
                        double basis = Math.cos(Math.PI * x * i / width) * Math.cos(Math.PI * y * j / height);
                        double[] c = colours[i + j * componentsX];
                        r += c[0] * basis;
                        g += c[1] * basis;
                        b += c[2] * basis;
                    }
                }
                image.setRGB(x, y, (toSrgb(r) << 16) | (toSrgb(g) << 8) | toSrgb(b));
            }
        }
        return image;
    }

    private static int quantiseAc(double value) {
        return (int) Math.max(0, Math.min(18, Math.floor(signedPow(value, 0.5) * 9 + 9.5)));
    }

    private static double signedPow(double value, double exponent) {
        return Math.copySign(Math.pow(Math.abs(value), exponent), value);
    }

    private static double toLinear(int value) {
        double v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double value) {
        double v = Math.max(0, Math.min(1, value));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void append(StringBuilder out, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = (int) (value / Math.pow(83, length - i)) % 83;
            out.append(DIGITS.charAt(digit));
        }
    }

    private static int decode83(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = DIGITS.indexOf(s.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a BlurHash");
            }
            value = value * 83 + digit;
        }
        return value;
    }
}
