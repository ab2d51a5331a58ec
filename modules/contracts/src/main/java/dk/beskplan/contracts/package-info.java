/**
 * The messages the modules exchange over RabbitMQ: immutable, versioned records and nothing else.
 * Who, when, which municipality and which plan travel in the envelope (platform), not in these payloads.
 */
package dk.beskplan.contracts;
