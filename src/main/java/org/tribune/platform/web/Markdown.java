package org.tribune.platform.web;

import java.util.List;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown written by people, rendered with CommonMark and then sanitised: raw HTML is escaped, and whatever
 * comes out passes an allow-list, so no script, style or foreign resource ever reaches a reader.
 */
@Component
public class Markdown {
    private static final int MAX_INPUT = 100_000;

    private final Parser parser = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .extensions(List.of(AutolinkExtension.create())).build();
    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4",
                    "hr", "a", "del")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
            .toFactory();

    /** Safe HTML for the given Markdown; to be output unescaped. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String source = markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown;
        return policy.sanitize(renderer.render(parser.parse(source)));
    }

    /**
     * The words of the Markdown without its marks, on one line and at most {@code max} characters: for summaries
     * in lists, where "**heat**" should read "heat". Plain text, to be output escaped like any other.
     */
    public String toPlainText(String markdown, int max) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        String source = markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown;
        parser.parse(source).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                words.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                words.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    words.append(' ');
                }
            }
        });
        String text = words.toString().replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).stripTrailing() + "…";
    }
}
