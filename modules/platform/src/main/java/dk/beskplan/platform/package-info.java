/**
 * Technical plumbing shared by every business module, written once: per-module schemas and migrations,
 * the message envelope, the transactional outbox and its relay, the inbox and the consumer loop, security
 * and problem+json errors. Business modules depend on this and on {@code contracts}, never on each other.
 */
package dk.beskplan.platform;
