// A portal's journey through the typescript-fetch clients generated from both OpenAPI documents, as they are:
// an admin schedules, a customer registers, books, reads Upcoming with the consistency token, meets a sold-out
// refusal, cancels and finds the booking in the Cancelled tab. Run by GeneratedClientsTest; exits non-zero on a failure.
import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as command from './command-client';
import * as query from './query-client';

const commandUrl = process.env.COMMAND_URL!;
const queryUrl = process.env.QUERY_URL!;

const commandSide = (token?: string) => new command.Configuration({ basePath: commandUrl, accessToken: token });
const querySide = (token?: string) => new query.Configuration({ basePath: queryUrl, accessToken: token });

async function logIn(email: string, password: string): Promise<string> {
    const tokens = await new command.AccountsApi(commandSide()).logIn({ loginRequest: { email, password } });
    return tokens.accessToken;
}

async function main() {
    const admin = await logIn(process.env.ADMIN_EMAIL!, process.env.ADMIN_PASSWORD!);
    const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const scheduled = await new command.EventsApi(commandSide(admin)).scheduleEvent({
        scheduleRequest: {
            title: 'Raku firing',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
            location: 'Kiln yard',
            organiser: { name: 'Clay Co' },
            ticketTypes: [{ name: 'Adult', price: '25.00', capacity: 2 }],
            policy: { transfersAllowed: true, cancellationsAllowed: true, cancellationCutoffHours: 0 },
        },
    });
    const ticketTypeId = scheduled.ticketTypes[0].ticketTypeId;

    const event = await new query.EventsApi(querySide()).getEvent({
        eventId: scheduled.eventId,
        xConsistencyToken: scheduled.consistencyToken ?? undefined,
    });
    assert.strictEqual(event.ticketTypes[0].price, '25.00');
    assert.strictEqual(event.currency, 'EUR');
    assert.strictEqual(event.status, query.EventViewStatusEnum.Scheduled);

    const email = `ada-${randomUUID()}@clients.test`;
    await new command.AccountsApi(commandSide()).register({
        registrationRequest: { name: 'Ada', email, password: 'password-123' },
    });
    const customer = await logIn(email, 'password-123');

    const bookings = new command.BookingsApi(commandSide(customer));
    const booked = await bookings.book({
        bookingRequest: {
            bookingId: randomUUID(),
            eventId: scheduled.eventId,
            ticketTypeId,
            tickets: [{ attendeeName: 'Ada' }, { attendeeName: 'Ben', child: true }],
        },
    });

    const upcoming = await new query.BookingsApi(querySide(customer)).myUpcoming({
        xConsistencyToken: booked.consistencyToken ?? undefined,
    });
    assert.strictEqual(upcoming.items.length, 1);
    assert.strictEqual(upcoming.items[0].reference, booked.reference);
    assert.strictEqual(upcoming.items[0].status, query.BookingViewStatusEnum.Booked);
    assert.strictEqual(upcoming.items[0].ticketType.price, '25.00');
    assert.strictEqual(upcoming.items[0].cancellation, null);

    try {
        await bookings.book({
            bookingRequest: {
                bookingId: randomUUID(),
                eventId: scheduled.eventId,
                ticketTypeId,
                tickets: [{ attendeeName: 'Cleo' }],
            },
        });
        assert.fail('a booking beyond the capacity was accepted');
    } catch (refusal) {
        assert.ok(refusal instanceof command.ResponseError, `not an answer: ${refusal}`);
        assert.strictEqual(refusal.response.status, 409);
        const problem = await refusal.response.json();
        assert.strictEqual(problem.rule, 'sold-out');
        assert.strictEqual(problem.seatsLeft, 0);
    }

    const cancelled = await bookings.cancelBooking({
        bookingId: booked.bookingId,
        cancellationRequest: { reason: 'Changed plans' },
    });
    const tab = await new query.BookingsApi(querySide(customer)).myCancelled({
        xConsistencyToken: cancelled.consistencyToken ?? undefined,
    });
    assert.strictEqual(tab.items[0].reference, booked.reference);
    assert.strictEqual(tab.items[0].cancellation?.reason, 'Changed plans');
    console.log('journey done');
}

main().catch((failure) => {
    console.error(failure);
    process.exit(1);
});
