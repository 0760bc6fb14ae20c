/**
 * Outgoing e-mail: an outbox written in the caller's transaction, delivered over SMTP when configured, and
 * readable by administrators when it is not.
 */
package org.tribune.mail;
