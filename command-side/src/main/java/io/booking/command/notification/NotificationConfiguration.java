package io.booking.command.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's sender polls on Spring's scheduler ({@code booking.mail.poll-interval}). */
@Configuration
@EnableScheduling
public class NotificationConfiguration {}
