package io.echotune.music.catalog;

/** The shipped catalog, loaded once per test JVM (about a second) and shared by the tests that read it. */
public final class ShippedCatalog {

    private static Catalog catalog;

    private ShippedCatalog() {
    }

    public static synchronized Catalog get() {
        if (catalog == null) {
            catalog = Catalog.loadShipped();
        }
        return catalog;
    }
}
