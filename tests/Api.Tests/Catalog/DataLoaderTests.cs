using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Api.Tests.Support;

namespace TicketMaster.Api.Tests.Catalog;

public sealed class DataLoaderTests
{
    private const string Query = """
        query($first: Int!) {
          events(first: $first) {
            nodes {
              name
              venue { name city capacity }
              performers { name genre }
              priceRange { min { amount currency } max { amount currency } }
              availability { total available held sold }
              sections { name price { amount } available }
            }
          }
        }
        """;

    [Fact]
    public async Task Fifty_events_with_their_children_cost_the_same_few_sql_statements_as_five()
    {
        var directory = Directory.CreateTempSubdirectory("tm-loaders-").FullName;
        var counter = new CommandCounter();
        try
        {
            await using var api = await ApiHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Database:DataDirectory"] = directory,
                    ["DemoData:Size"] = "Small",

                    // The expiry sweep's, the reconciler's, the notification job's and the search indexer's own queries would land in the count.
                    ["Booking:ExpirySweepInterval"] = "00:00:00",
                    ["Events:CancellationRefundInterval"] = "00:00:00",
                    ["Events:OnSaleInterval"] = "00:00:00",
                    ["Booking:ReconcileInterval"] = "00:00:00",
                    ["Notifications:Interval"] = "00:00:00",
                    ["Indexer:RunInApi"] = "false",
                },
                services => services.AddSingleton<IInterceptor>(counter));
            var client = new GraphQLClient(api.CreateHttpClient());

            var few = await CountAsync(client, counter, 5);
            var many = await CountAsync(client, counter, 50);

            Assert.Equal(few, many);
            Assert.InRange(many, 1, 10);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> CountAsync(GraphQLClient client, CommandCounter counter, int first)
    {
        counter.Reset();
        var data = await client.DataAsync(Query, new { first });
        Assert.Equal(first, data.GetProperty("events").GetProperty("nodes").GetArrayLength());
        return counter.Count;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
