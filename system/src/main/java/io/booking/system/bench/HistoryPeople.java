package io.booking.system.bench;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/**
 * Names, emails and phones as customers have them: first names and surnames drawn from pools with a long tail, so a
 * surname such as Smith is common enough for a search to find thousands, and most are rare.
 */
final class HistoryPeople {

    static final String[] FIRST_NAMES = ("Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow "
                    + "Emily Ella Poppy Evie Charlotte Florence Elsie Sienna Harper Ruby Daisy Alice Zara Hannah Anna Maria Leila "
                    + "Chloe Lucy Sofia Eleanor Matilda Aisha Priya Mei Yuki Ingrid Noah Oliver George Arthur Muhammad Leo "
                    + "Harry Oscar Archie Henry Theodore Freddie Jack Charlie Theo Alfie Jacob Thomas Finley Arlo William Lucas "
                    + "Roman Tommy Isaac Teddy Edward James Adam Joshua Samuel Daniel Mohammed Omar Luca Mateo Jonas Piotr Ravi "
                    + "Kenji Sean Ben Ada")
            .split(" ");

    /** Most frequent first: weights fall with rank, so the first ones are common and the last rare. */
    static final String[] SURNAMES = ("Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts "
                    + "Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood "
                    + "Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott "
                    + "Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey "
                    + "Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum "
                    + "Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer "
                    + "Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Nowak "
                    + "Kowalski Garcia Rossi Müller Dubois Novak Silva O'Brien Nguyen Okafor Mensah Fernández Lindqvist Tanaka")
            .split(" ");

    private static final String[] DOMAINS = {
        "example.com", "example.net", "example.org", "mail.example.com", "post.example.net", "inbox.example.org"
    };

    private static final double[] SURNAME_CUMULATIVE = cumulative(SURNAMES.length, 0.9);
    private static final double[] FIRST_NAME_CUMULATIVE = cumulative(FIRST_NAMES.length, 0.5);

    private HistoryPeople() {}

    static String frequentSurname() {
        return SURNAMES[0];
    }

    static String name(Random random) {
        return FIRST_NAMES[pick(FIRST_NAME_CUMULATIVE, random)] + " " + SURNAMES[pick(SURNAME_CUMULATIVE, random)];
    }

    /** Unique by {@code number}: the local part is the name as people write it in an address, then the number. */
    static String email(String name, long number, Random random) {
        String local = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z ]", "")
                .toLowerCase(Locale.ROOT)
                .replace(' ', random.nextBoolean() ? '.' : '_');
        return local + number + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    /** Unique by {@code number} (below ten million): a UK mobile number as people type it. */
    static String phone(long number) {
        return String.format(Locale.ROOT, "+44 7%03d %06d", 700 + number / 1_000_000, number % 1_000_000);
    }

    private static double[] cumulative(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        double r = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < r) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
