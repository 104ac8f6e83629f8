package dev.sredsl.model;

/** A titled link, e.g. to a design document or an upstream status page. */
public record Link(String title, String url) {}
