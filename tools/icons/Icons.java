// Regenerates src/main/resources/static/img/icons from the logo: java tools/icons/Icons.java src/main/resources/static/img/icons
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws the Tribune logo (static/img/tribune.svg: a rounded blue square with a white T) as PNG icons. */
public class Icons {
    public static void main(String[] args) throws Exception {
        String out = args[0];
        for (int size : new int[] {48, 72, 96, 144, 180, 192, 512}) {
            write(draw(size, false), out + "/tribune-" + size + ".png");
        }
        for (int size : new int[] {192, 512}) {
            write(draw(size, true), out + "/tribune-maskable-" + size + ".png");
        }
    }

    /** Maskable: the background fills the square and the T sits within the 80% safe zone. */
    static BufferedImage draw(int size, boolean maskable) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(new Color(0x1d, 0x4e, 0x89));
        double unit = size / 32.0;
        if (maskable) {
            g.fillRect(0, 0, size, size);
        } else {
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 12 * unit, 12 * unit));
        }
        AffineTransform t = new AffineTransform();
        if (maskable) { // shrink the glyph to 70% around the centre
            t.translate(size * 0.15, size * 0.15);
            t.scale(0.7, 0.7);
        }
        t.scale(unit, unit);
        Path2D.Double path = new Path2D.Double(); // M8 9h16v4h-6v12h-4V13H8z
        path.moveTo(8, 9); path.lineTo(24, 9); path.lineTo(24, 13); path.lineTo(18, 13); path.lineTo(18, 25);
        path.lineTo(14, 25); path.lineTo(14, 13); path.lineTo(8, 13); path.closePath();
        g.setColor(Color.WHITE);
        g.fill(t.createTransformedShape(path));
        g.dispose();
        return image;
    }

    static void write(BufferedImage image, String file) throws Exception {
        ImageIO.write(image, "png", new File(file));
    }
}
