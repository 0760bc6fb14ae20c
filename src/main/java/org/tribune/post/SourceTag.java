package org.tribune.post;

/**
 * The community's label for a linked site, shown on the link's preview. {@code domain} is the registrable domain
 * the label is kept for, {@code label} its code (e.g. {@code satire}), {@code labelName} its name in the reader's
 * language, {@code path} the domain's page, where the label is justified and edited.
 */
public record SourceTag(String domain, String label, String labelName, String path) {
}
