package dev.sredsl.model;

/**
 * A titled link, e.g. to a design document or an upstream status page.
 *
 * @param title the link text
 * @param url an absolute http or https URL
 */
public record Link(String title, String url) {}
