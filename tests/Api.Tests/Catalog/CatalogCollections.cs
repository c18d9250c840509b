namespace TicketMaster.Api.Tests.Catalog;

// One catalogue (database + running Api) per provider, shared by the test classes below.

[CollectionDefinition(Name)]
public sealed class SqliteCatalogCollection : ICollectionFixture<SqliteCatalog>
{
    public const string Name = "Catalog on SQLite";
}

[CollectionDefinition(Name)]
public sealed class MariaDbCatalogCollection : ICollectionFixture<MariaDbCatalog>
{
    public const string Name = "Catalog on MariaDB";
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class FilteringOnSqlite(SqliteCatalog catalog) : FilteringTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class FilteringOnMariaDb(MariaDbCatalog catalog) : FilteringTests(catalog);

[Collection(SqliteCatalogCollection.Name)]
public sealed class SortingAndPagingOnSqlite(SqliteCatalog catalog) : SortingAndPagingTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class SortingAndPagingOnMariaDb(MariaDbCatalog catalog) : SortingAndPagingTests(catalog);

[Collection(SqliteCatalogCollection.Name)]
public sealed class NodesAndBadInputOnSqlite(SqliteCatalog catalog) : NodesAndBadInputTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class NodesAndBadInputOnMariaDb(MariaDbCatalog catalog) : NodesAndBadInputTests(catalog);

[Collection(SqliteCatalogCollection.Name)]
public sealed class AccountsOnSqlite(SqliteCatalog catalog) : AccountTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class AccountsOnMariaDb(MariaDbCatalog catalog) : AccountTests(catalog);

[Collection(SqliteCatalogCollection.Name)]
public sealed class SeatMapOnSqlite(SqliteCatalog catalog) : SeatMapTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class SeatMapOnMariaDb(MariaDbCatalog catalog) : SeatMapTests(catalog);

[Collection(SqliteCatalogCollection.Name)]
public sealed class BookingApiOnSqlite(SqliteCatalog catalog) : TicketMaster.Api.Tests.Booking.BookingApiTests(catalog);

[Collection(MariaDbCatalogCollection.Name)]
public sealed class BookingApiOnMariaDb(MariaDbCatalog catalog) : TicketMaster.Api.Tests.Booking.BookingApiTests(catalog);
