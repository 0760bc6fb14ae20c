package org.tribune.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_message} table. */
@Repository
class MailOutbox {
    private static final String COLUMNS = "id, recipient, subject, body, created_at, sent_at";

    private final JdbcClient db;

    MailOutbox(JdbcClient db) {
        this.db = db;
    }

    void add(MailMessage message) {
        db.sql("insert into mail_message (id, recipient, subject, body, created_at) values (?, ?, ?, ?, ?)")
                .params(message.id(), message.recipient(), message.subject(), message.body(),
                        java.sql.Timestamp.from(message.createdAt()))
                .update();
    }

    List<MailMessage> newestBefore(long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from mail_message where id < ? order by id desc limit ?")
                .params(beforeId, limit).query(MailMessage.class).list();
    }

    List<MailMessage> unsent(Instant claimableBefore, int maxAttempts, int limit) {
        return db.sql("select " + COLUMNS + " from mail_message where sent_at is null and attempts < ? "
                        + "and (claimed_at is null or claimed_at < ?) order by id limit ?")
                .params(maxAttempts, java.sql.Timestamp.from(claimableBefore), limit).query(MailMessage.class).list();
    }

    /** Takes a message for delivery; false when another node took it first. */
    boolean claim(long id, Instant now, Instant claimableBefore) {
        return db.sql("update mail_message set claimed_at = ?, attempts = attempts + 1 "
                        + "where id = ? and sent_at is null and (claimed_at is null or claimed_at < ?)")
                .params(java.sql.Timestamp.from(now), id, java.sql.Timestamp.from(claimableBefore)).update() == 1;
    }

    /** Once delivered, the body (which may hold a one-time link) is no longer kept. */
    void markSent(long id, Instant at) {
        db.sql("update mail_message set sent_at = ?, last_error = null, body = '' where id = ?")
                .params(java.sql.Timestamp.from(at), id).update();
    }

    int purgeCreatedBefore(Instant before) {
        return db.sql("delete from mail_message where created_at < ?").param(java.sql.Timestamp.from(before)).update();
    }

    void markFailed(long id, String error) {
        String shortError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 500));
        db.sql("update mail_message set last_error = ? where id = ?").params(shortError, id).update();
    }

    List<MailMessage> sentTo(String recipient) {
        return db.sql("select " + COLUMNS + " from mail_message where lower(recipient) = ? order by id")
                .param(recipient.toLowerCase(java.util.Locale.ROOT)).query(MailMessage.class).list();
    }

    long countTo(String recipient) {
        return db.sql("select count(*) from mail_message where lower(recipient) = ?")
                .param(recipient.toLowerCase(java.util.Locale.ROOT)).query(Long.class).single();
    }

    int deleteTo(String recipient) {
        return db.sql("delete from mail_message where lower(recipient) = ?")
                .param(recipient.toLowerCase(java.util.Locale.ROOT)).update();
    }

    /** Messages to anyone whose subject or body contains the word. */
    int deleteMentioning(String word) {
        String like = "%" + word.toLowerCase(java.util.Locale.ROOT) + "%";
        return db.sql("delete from mail_message where lower(subject) like ? or lower(body) like ?").params(like, like).update();
    }
}
