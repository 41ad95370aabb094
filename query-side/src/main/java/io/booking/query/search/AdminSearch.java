package io.booking.query.search;

import io.booking.query.web.LikePatterns;
import io.booking.shared.personal.PersonalDataCipher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Finds customers in the contacts read model and bookings in the bookings read model. Both are scrubbed when a person
 * is erased, so a search never finds what erasure took away.
 */
@Component
public class AdminSearch {

    static final int LIMIT = 50;

    private final NamedParameterJdbcTemplate jdbc;

    public AdminSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public SearchResult find(String text) {
        String trimmed = text.trim();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("pattern", LikePatterns.containing(trimmed))
                .addValue("exact", trimmed)
                // an erased name reads "[erased]": a search for that word is not a search for a person
                .addValue("erased", PersonalDataCipher.ERASED)
                .addValue("limit", LIMIT + 1);
        List<SearchResult.Customer> customers = jdbc.query("""
                select c.customer_id, c.name, c.email, c.phone,
                       exists (select 1 from booking b where b.guest_id = c.customer_id) as guest,
                       (select count(*) from booking b where b.customer_id = c.customer_id) as bookings
                from customer_contact c
                where lower(c.name) like :pattern escape '\\' or lower(c.email) like :pattern escape '\\'
                   or lower(c.phone) like :pattern escape '\\' or c.customer_id = :exact
                order by lower(c.name), c.customer_id
                limit :limit
                """, parameters, (rs, i) -> new SearchResult.Customer(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getLong(6)));
        List<SearchResult.Booking> bookings = jdbc.query("""
                select b.booking_id, b.reference, b.customer_id, b.event_id, o.title, o.starts_at, b.status,
                       b.guest_id is not null, b.customer_deleted
                from booking b join booking_occurrence o on o.event_id = b.event_id
                where lower(b.reference) like :pattern escape '\\' or b.booking_id = :exact or b.customer_id = :exact
                   or exists (select 1 from booking_ticket t
                              where t.booking_id = b.booking_id and lower(t.attendee_name) like :pattern escape '\\'
                                and t.attendee_name <> :erased)
                   or b.customer_id in (select c.customer_id from customer_contact c
                                        where lower(c.name) like :pattern escape '\\'
                                           or lower(c.email) like :pattern escape '\\'
                                           or lower(c.phone) like :pattern escape '\\')
                order by o.starts_at desc, b.booking_id
                limit :limit
                """, parameters, (rs, i) -> new SearchResult.Booking(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBoolean(8),
                rs.getBoolean(9)));
        boolean more = customers.size() > LIMIT || bookings.size() > LIMIT;
        return new SearchResult(customers.stream().limit(LIMIT).toList(), bookings.stream().limit(LIMIT).toList(), more);
    }
}
