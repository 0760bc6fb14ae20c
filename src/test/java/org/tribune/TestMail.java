package org.tribune;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) for the whole test run; tests read what Tribune sent to an address. */
public final class TestMail {
    private static GreenMail server;

    private TestMail() {
    }

    static synchronized Map<String, Object> settings() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return Map.of("tribune.smtp.host", "127.0.0.1", "tribune.smtp.port", server.getSmtp().getPort(),
                "tribune.smtp.starttls", false, "tribune.smtp.retry-interval", "PT1S");
    }

    public record Mail(String to, String subject, String body) {
        /** The first link in the body whose path starts with {@code path}. */
        public String link(String path) {
            Matcher m = Pattern.compile("https?://[^\\s]+" + Pattern.quote(path) + "[^\\s]*").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link to " + path + " in: " + body);
            }
            return m.group();
        }

        /** The value of the {@code token} parameter of the first link to {@code path}. */
        public String token(String path) {
            String link = link(path);
            return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Every mail received for this address, oldest first. */
    public static List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(address.toLowerCase()))
                .map(m -> new Mail(address, subject(m), text(m)))
                .toList();
    }

    /** Waits for the {@code count}-th mail to this address and returns it. */
    public static Mail await(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Mail> mails = to(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail number " + count + " to " + address + " within 10 s; got " + to(address));
    }

    public static Mail await(String address) {
        return await(address, 1);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> a.toString().toLowerCase()).toList();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (MessagingException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
