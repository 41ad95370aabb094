package io.booking.query.search;

import io.booking.query.web.LikePatterns;
import io.booking.shared.personal.PersonalDataCipher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds customers in the contacts read model and bookings in the bookings read model, through trigram indexes (pg_trgm,
 * installed in schema public, so its operators are named with it): by substring, and, when that finds nothing and the
 * text looks like a name, customers whose name holds a word like it (a typo or two), with their bookings. Both models are scrubbed when a person is erased, so a search never
 * finds what erasure took away.
 * <p>
 * Ranked: a whole reference or id first, then a whole name, email or phone, then values holding the text, then similar
 * ones. Each kind of match is ranked among at most {@link #CANDIDATES} rows, so a common word costs about what a rare
 * one does; a text that matches more is too broad to page through anyway.
 */
@Component
public class AdminSearch {

    static final int CANDIDATES = 1_000;
    /** pg_trgm's word similarity from which a word counts as a typo of the text (its default, 0.6, misses most). */
    static final double SIMILARITY = 0.45;
    /** What a person's name may look like: a typo is looked for in names only, not in emails, phones or references. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .'-]{2,59}");

    private static final String CUSTOMERS = """
            with found as (
                (select c.customer_id from customer_contact c
                 where c.customer_id = :exact or lower(c.name) like :pattern escape '\\'
                    or lower(c.email) like :pattern escape '\\' or lower(c.phone) like :pattern escape '\\'
                 limit :candidates)
                union
                (select c.customer_id from customer_contact c
                 where {similar-name}
                 limit :candidates)),
            ranked as (
                select c.customer_id, c.name, c.email, c.phone,
                       case when c.customer_id = :exact or lower(c.email) = :text or lower(c.name) = :text
                                 or lower(c.phone) = :text then 0
                            when lower(c.name) like :pattern escape '\\' or lower(c.email) like :pattern escape '\\'
                                 or lower(c.phone) like :pattern escape '\\' then 1
                            else 2 end as tier,
                       public.word_similarity(:text, lower(c.name)) as score
                from found f join customer_contact c on c.customer_id = f.customer_id
                order by tier, score desc, lower(c.name), c.customer_id
                limit :limit offset :offset)
            select r.customer_id, r.name, r.email, r.phone,
                   exists (select 1 from booking b where b.guest_id = r.customer_id) as guest,
                   (select count(*) from booking b where b.customer_id = r.customer_id) as bookings
            from ranked r order by r.tier, r.score desc, lower(r.name), r.customer_id
            """;

    private static final String BOOKINGS = """
            with found as (
                (select b.booking_id, 0 as tier, 1.0::real as score from booking b
                 where b.reference = :reference or b.booking_id = :exact)
                union all
                (select b.booking_id, 0, 1.0 from booking b where b.customer_id = :exact limit :candidates)
                union all
                (select b.booking_id, 1, 1.0 from booking b
                 where lower(b.reference) like :pattern escape '\\' limit :candidates)
                union all
                (select t.booking_id, 1, 1.0 from booking_ticket t
                 where lower(t.attendee_name) like :pattern escape '\\' and t.attendee_name <> :erased
                 limit :candidates)
                union all
                (select b.booking_id, 2, 1.0 from booking b
                 join (select c.customer_id from customer_contact c
                       where lower(c.name) like :pattern escape '\\' or lower(c.email) like :pattern escape '\\'
                          or lower(c.phone) like :pattern escape '\\'
                          or {similar-name}
                       limit :candidates) c on c.customer_id = b.customer_id
                 limit :candidates)),
            best as (select booking_id, min(tier) as tier, max(score) as score from found group by booking_id)
            select b.booking_id, b.reference, b.customer_id, b.event_id, o.title, o.starts_at, b.status,
                   b.guest_id is not null, b.customer_deleted
            from best f
            join booking b on b.booking_id = f.booking_id
            join booking_occurrence o on o.event_id = b.event_id
            order by f.tier, f.score desc, o.starts_at desc, b.booking_id
            limit :limit offset :offset
            """;

    /*
     * The typo branch is in the text of the statement or not at all: as a parameter ("flag and ..."), the plan PostgreSQL
     * keeps for a prepared statement scanned the names' trigram index for similar words on every search (0.9 s instead
     * of 0.26 s for an email among 195,000 contacts).
     */
    private static final String SIMILAR_NAME = ":text operator(public.<%) lower(c.name)";
    private static final String SUBSTRING_CUSTOMERS = CUSTOMERS.replace("{similar-name}", "false");
    private static final String SUBSTRING_BOOKINGS = BOOKINGS.replace("{similar-name}", "false");
    private static final String SIMILAR_CUSTOMERS = CUSTOMERS.replace("{similar-name}", SIMILAR_NAME);
    private static final String SIMILAR_BOOKINGS = BOOKINGS.replace("{similar-name}", SIMILAR_NAME);

    private final NamedParameterJdbcTemplate jdbc;

    public AdminSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SearchResult find(String query, int page, int size) {
        String exact = query.trim();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("text", exact.toLowerCase(Locale.ROOT))
                .addValue("pattern", LikePatterns.containing(exact))
                .addValue("exact", exact)
                .addValue("reference", exact.toUpperCase(Locale.ROOT))
                // an erased name reads "[erased]": a search for that word is not a search for a person
                .addValue("erased", PersonalDataCipher.ERASED)
                .addValue("candidates", CANDIDATES)
                .addValue("limit", size + 1)
                .addValue("offset", (long) page * size);
        jdbc.getJdbcOperations().execute("set local pg_trgm.word_similarity_threshold = " + SIMILARITY);
        // every branch is built for an index; the planner cannot tell how many rows a '%text%' matches and, with a
        // LIMIT, bets on reading the table until it has enough: 70 ms on 130,000 contacts when few match
        jdbc.getJdbcOperations().execute("set local enable_seqscan = off");
        List<SearchResult.Customer> customers = jdbc.query(SUBSTRING_CUSTOMERS, parameters, AdminSearch::customer);
        List<SearchResult.Booking> bookings = jdbc.query(SUBSTRING_BOOKINGS, parameters, AdminSearch::booking);
        if (customers.isEmpty() && bookings.isEmpty() && NAME.matcher(exact).matches()) {
            customers = jdbc.query(SIMILAR_CUSTOMERS, parameters, AdminSearch::customer);
            bookings = jdbc.query(SIMILAR_BOOKINGS, parameters, AdminSearch::booking);
        }
        boolean more = customers.size() > size || bookings.size() > size;
        return new SearchResult(
                customers.stream().limit(size).toList(),
                bookings.stream().limit(size).toList(),
                page,
                size,
                more);
    }

    private static SearchResult.Customer customer(ResultSet rs, int row) throws SQLException {
        return new SearchResult.Customer(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getLong(6));
    }

    private static SearchResult.Booking booking(ResultSet rs, int row) throws SQLException {
        return new SearchResult.Booking(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getBoolean(9));
    }
}
