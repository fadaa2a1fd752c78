package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/**
 * Glasses drawn onto the face from its eye landmarks: two lenses around the pupils, a bridge over
 * the top of the nose, nose pads, temples running back to the ears past the face contour, and the
 * soft shadow the frame casts on the skin. Three styles: thin metal rims, thick black acetate, and
 * rimless lenses that show mainly as glare. Lens sizes, positions and shapes are drawn from ranges
 * wider than the glasses check searches ({@code LensOutlines}: superellipses of half width
 * 0.32–0.48 and half height 0.2–0.35, mirror images): lenses of half width 0.28–0.54 and half
 * height 0.15–0.40, rounded rectangles, aviators and cat-eyes, each lens tilted on its own by up to
 * ±4° and the frame sitting up to 0.03 higher on one side.
 */
final class GlassesViolations {

    enum Style { THIN_METAL, THICK_BLACK, RIMLESS_GLARE }

    private static final Color[] METALS = {
        new Color(196, 160, 92), new Color(200, 200, 206), new Color(86, 86, 94), new Color(28, 28, 30)};
    private static final Color[] ACETATES = {
        new Color(16, 16, 18), new Color(58, 38, 28), new Color(30, 34, 58), new Color(22, 22, 22)};

    private GlassesViolations() {
    }

    /** Thin metal rims (gold, silver, gunmetal, black), 1.6–2.8% of the eye distance thick. */
    static Violation thinMetal() {
        return Violations.of("glasses_thin_metal", "glasses", (p, r) -> draw(p, r, Style.THIN_METAL));
    }

    /** Thick acetate frames, black, dark brown or navy, 5–8.5% of the eye distance thick. */
    static Violation thickBlack() {
        return Violations.of("glasses_thick_black", "glasses", (p, r) -> draw(p, r, Style.THICK_BLACK));
    }

    /** Rimless lenses: faint lens edges, a thin bridge and temples, and glare on one or both lenses. */
    static Violation rimlessWithGlare() {
        return Violations.of("glasses_rimless_glare", "glasses", (p, r) -> draw(p, r, Style.RIMLESS_GLARE));
    }

    private static RgbImage draw(Portrait portrait, Random random, Style style) {
        FaceOverlay overlay = new FaceOverlay(portrait.image(), portrait.face().landmarks());
        double halfWidth = 0.28 + random.nextDouble() * 0.26;
        double dx = -0.03 + random.nextDouble() * 0.13;
        double dy = -0.05 + random.nextDouble() * 0.19;
        double halfHeight = style == Style.THICK_BLACK ? 0.15 + random.nextDouble() * 0.19 : 0.15 + random.nextDouble() * 0.25;
        double roundness = style == Style.THICK_BLACK ? 0.25 + random.nextDouble() * 0.35 : 0.5 + random.nextDouble() * 0.5;
        int kind = random.nextInt(3);
        double crooked = (random.nextDouble() - 0.5) * 0.06;
        Shape left = lens(-(0.5 + dx), dy - crooked, halfWidth, halfHeight, roundness, kind, -1,
                Math.toRadians((random.nextDouble() - 0.5) * 8));
        Shape right = lens(0.5 + dx, dy + crooked, halfWidth, halfHeight, roundness, kind, 1,
                Math.toRadians((random.nextDouble() - 0.5) * 8));
        double inner = 0.5 + dx - halfWidth;
        double outer = 0.5 + dx + halfWidth;
        double hingeV = dy - halfHeight * 0.6;
        double earLeft = overlay.landmark(0).x() - 0.08;
        double earRight = overlay.landmark(16).x() + 0.08;

        double rim = switch (style) {
            case THIN_METAL -> 0.016 + random.nextDouble() * 0.012;
            case THICK_BLACK -> 0.05 + random.nextDouble() * 0.035;
            case RIMLESS_GLARE -> 0.012 + random.nextDouble() * 0.006;
        };
        Color colour = style == Style.THICK_BLACK ? ACETATES[random.nextInt(ACETATES.length)]
                : METALS[random.nextInt(METALS.length)];

        Path2D bridge = new Path2D.Double();
        if (style == Style.THICK_BLACK) {
            bridge.append(new QuadCurve2D.Double(-inner - rim / 2, dy - halfHeight * 0.55, 0, dy - halfHeight * 0.75,
                    inner + rim / 2, dy - halfHeight * 0.55), false);
        } else {
            bridge.append(new QuadCurve2D.Double(-inner, dy - halfHeight * 0.45, 0, dy - halfHeight * 0.95,
                    inner, dy - halfHeight * 0.45), false);
        }
        Path2D temples = new Path2D.Double();
        temples.append(new Line2D.Double(-outer, hingeV, earLeft, hingeV - 0.02), false);
        temples.append(new Line2D.Double(outer, hingeV, earRight, hingeV - 0.02), false);

        BasicStroke rimStroke = new BasicStroke((float) rim, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Area frame = new Area(rimStroke.createStrokedShape(bridge));
        frame.add(new Area(new BasicStroke((float) Math.max(rim * 0.8, 0.016)).createStrokedShape(temples)));
        if (style != Style.RIMLESS_GLARE) {
            frame.add(new Area(rimStroke.createStrokedShape(left)));
            frame.add(new Area(rimStroke.createStrokedShape(right)));
        }
        overlay.shadow(frame, 0.03, 0.025, style == Style.THICK_BLACK ? 0.35 : 0.22);

        Graphics2D g = overlay.faceGraphics();
        tintLenses(g, left, right, random);
        if (style == Style.RIMLESS_GLARE) {
            lensEdges(g, left, right);
            glare(g, left, -(0.5 + dx), dy, halfWidth, halfHeight, random);
            if (random.nextDouble() < 0.7) {
                glare(g, right, 0.5 + dx, dy, halfWidth, halfHeight, random);
            }
        } else if (random.nextDouble() < 0.4) {
            boolean onLeft = random.nextBoolean();
            glare(g, onLeft ? left : right, (onLeft ? -1 : 1) * (0.5 + dx), dy, halfWidth, halfHeight * 0.6, random);
        }
        nosePads(g, inner, dy, colour);
        g.setColor(colour);
        g.fill(frame);
        highlight(g, frame, rim, style == Style.THICK_BLACK ? 0.22f : 0.5f);
        g.dispose();
        return overlay.toRgb();
    }

    /**
     * One lens centred at (cu, cv): a rounded rectangle (kind 0), an aviator drooping towards the
     * outer side (1) or a cat-eye swept up at the outer top (2); {@code outward} is +1 for the lens
     * on the image's right, −1 on its left.
     */
    private static Shape lens(double cu, double cv, double hw, double hh, double roundness, int kind, int outward,
                              double tilt) {
        Shape local = switch (kind) {
            case 1 -> {
                Path2D p = new Path2D.Double();
                p.moveTo(-hw, -hh * 0.85);
                p.curveTo(-hw * 0.3, -hh * 1.05, hw * 0.6, -hh * 1.05, hw, -hh * 0.8);
                p.curveTo(hw * 1.05, hh * 0.2, hw * 0.6, hh * 1.1, hw * 0.05, hh * 1.1);
                p.curveTo(-hw * 0.6, hh * 1.1, -hw, hh * 0.3, -hw, -hh * 0.85);
                p.closePath();
                yield p;
            }
            case 2 -> {
                Path2D p = new Path2D.Double();
                p.moveTo(-hw, -hh * 0.6);
                p.curveTo(-hw * 0.3, -hh * 0.9, hw * 0.5, -hh * 1.2, hw * 1.05, -hh * 1.25);
                p.curveTo(hw * 0.95, hh * 0.3, hw * 0.5, hh, 0, hh);
                p.curveTo(-hw * 0.6, hh, -hw, hh * 0.4, -hw, -hh * 0.6);
                p.closePath();
                yield p;
            }
            default -> new RoundRectangle2D.Double(-hw, -hh, 2 * hw, 2 * hh, 2 * hw * roundness, 2 * hh * roundness);
        };
        AffineTransform place = AffineTransform.getTranslateInstance(cu, cv);
        place.rotate(tilt);
        place.scale(outward, 1);
        return place.createTransformedShape(local);
    }

    /** A faint tint and a diagonal reflection band: lenses are never perfectly clear. */
    private static void tintLenses(Graphics2D g, Shape left, Shape right, Random random) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.04f + random.nextFloat() * 0.05f));
        g.setColor(new Color(120, 130, 150));
        g.fill(left);
        g.fill(right);
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void lensEdges(Graphics2D g, Shape left, Shape right) {
        BasicStroke edge = new BasicStroke(0.012f);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(new Color(250, 250, 250));
        g.fill(edge.createStrokedShape(left));
        g.fill(edge.createStrokedShape(right));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
        g.setColor(new Color(60, 60, 60));
        AffineTransform inward = AffineTransform.getTranslateInstance(0, 0.012);
        g.fill(inward.createTransformedShape(edge.createStrokedShape(left)));
        g.fill(inward.createTransformedShape(edge.createStrokedShape(right)));
        g.setComposite(AlphaComposite.SrcOver);
    }

    /** A window or lamp reflected in the lens: a bright soft-edged patch clipped to the lens. */
    private static void glare(Graphics2D g, Shape lens, double cu, double cv, double hw, double hh, Random random) {
        Shape clip = g.getClip();
        g.clip(lens);
        double gu = cu + (random.nextDouble() - 0.5) * hw;
        double gv = cv + (random.nextDouble() - 0.6) * hh;
        float radius = (float) (0.18 + random.nextDouble() * 0.16);
        float peak = 0.65f + random.nextFloat() * 0.3f;
        AffineTransform saved = g.getTransform();
        g.translate(gu, gv);
        g.rotate(random.nextDouble() * Math.PI);
        g.scale(1.0, 0.35 + random.nextDouble() * 0.45);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), radius, new float[] {0f, 0.55f, 1f},
                new Color[] {new Color(1f, 1f, 1f, peak), new Color(1f, 1f, 1f, peak * 0.85f), new Color(1f, 1f, 1f, 0f)}));
        g.fill(new Ellipse2D.Double(-radius, -radius, radius * 2, radius * 2));
        g.setTransform(saved);
        g.setClip(clip);
    }

    private static void nosePads(Graphics2D g, double inner, double dy, Color colour) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        g.setColor(new Color(235, 235, 235));
        g.fill(new Ellipse2D.Double(-inner + 0.005, dy + 0.02, 0.045, 0.08));
        g.fill(new Ellipse2D.Double(inner - 0.05, dy + 0.02, 0.045, 0.08));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
        g.setColor(colour);
        g.setStroke(new BasicStroke(0.008f));
        g.draw(new Line2D.Double(-inner + 0.03, dy + 0.02, -inner + 0.01, dy - 0.05));
        g.draw(new Line2D.Double(inner - 0.03, dy + 0.02, inner - 0.01, dy - 0.05));
        g.setComposite(AlphaComposite.SrcOver);
    }

    /** The specular line along the top of the rims. */
    private static void highlight(Graphics2D g, Area frame, double rim, float strength) {
        Area top = new Area(frame);
        top.subtract(frame.createTransformedArea(AffineTransform.getTranslateInstance(0, rim * 0.4)));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, strength));
        g.setColor(new Color(255, 255, 250));
        g.fill(top);
        g.setComposite(AlphaComposite.SrcOver);
    }
}
