package io.echotune.bot.nlu;

/**
 * A span of release years, both ends inclusive: "80s" is 1980..1989, "early 2000s" 2000..2004,
 * "old school" 1970..1999, "oldies" 1950..1979, "from 1997" 1997..1997.
 */
public record Era(int fromYear, int toYear) {

    public Era {
        if (fromYear > toYear) {
            throw new IllegalArgumentException("era runs backwards: " + fromYear + ".." + toYear);
        }
    }

    public boolean contains(int year) {
        return year >= fromYear && year <= toYear;
    }
}
