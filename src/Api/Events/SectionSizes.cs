using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Api.Venues;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Events;

/// <summary>
/// How many seats each section has, so <c>Event.seats(sectionId:)</c> is costed by what it really
/// returns (issue #20: a list costed at a guessed 20 items returned 22,000 rows). Before a request
/// is validated, the sections its <c>seats</c> fields name are counted (one grouped query, cached
/// for a few minutes: seat maps change rarely); the complexity analyzer then reads the counts.
/// A section it could not count (more than <see cref="MaxSectionsPerRequest"/> named, an unknown
/// id) costs <see cref="Unknown"/>, which is over any single request's budget share.
/// </summary>
public sealed class SectionSizes(IDbContextFactory<TicketMasterDbContext> databases, TimeProvider clock)
{
    /// <summary>The cost of a section not counted; the largest real sections have a few thousand seats.</summary>
    public const int Unknown = 10_000;

    public const int MaxSectionsPerRequest = 50;

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, (int Seats, DateTimeOffset CountedAt)> _sizes = new();

    public int SeatsIn(int sectionId) => _sizes.TryGetValue(sectionId, out var size) ? size.Seats : Unknown;

    /// <summary>An execution step: validation, which runs inside <paramref name="next"/>, finds the counts cached.</summary>
    public async Task<ExecutionResult> CountThenExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is { } document)
        {
            var named = SectionIdsOfSeatFields(document, options.Variables).Distinct().Take(MaxSectionsPerRequest + 1).ToList();
            if (named.Count is > 0 and <= MaxSectionsPerRequest)
            {
                await CountAsync(named, options.CancellationToken);
            }
        }

        return await next(options);
    }

    private async Task CountAsync(List<int> sectionIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = sectionIds.Where(id => !_sizes.TryGetValue(id, out var size) || now - size.CountedAt > KeepFor).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var counts = await db.Seats.Where(s => stale.Contains(s.SectionId)).GroupBy(s => s.SectionId)
            .Select(g => new { SectionId = g.Key, Seats = g.Count() })
            .ToDictionaryAsync(c => c.SectionId, c => c.Seats, cancellationToken);
        foreach (var id in stale)
        {
            // A section without seats, or an id of nothing, returns nothing: it costs nothing.
            _sizes[id] = (counts.GetValueOrDefault(id), now);
        }
    }

    /// <summary>The sections named by every <c>seats(sectionId:)</c> of the document, literal or variable.</summary>
    private static IEnumerable<int> SectionIdsOfSeatFields(GraphQLDocument document, Inputs? variables)
    {
        foreach (var field in Fields(document))
        {
            if (field.Name.Value.Span.SequenceEqual("seats") && field.Arguments?.Items.FirstOrDefault(a => a.Name.Value.Span.SequenceEqual("sectionId")) is { } argument)
            {
                var id = argument.Value switch
                {
                    GraphQLStringValue literal => literal.Value.ToString(),
                    GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var value) => value as string,
                    _ => null,
                };
                if (GlobalId.TryDecode(id, out var typeName, out var key) && typeName == SectionType.TypeName && int.TryParse(key, out var sectionId))
                {
                    yield return sectionId;
                }
            }
        }
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document)
    {
        var pending = new Stack<GraphQLSelectionSet>(document.Definitions.OfType<IHasSelectionSetNode>().Select(d => d.SelectionSet).OfType<GraphQLSelectionSet>());
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                if (selection is GraphQLField field)
                {
                    yield return field;
                }

                if (selection is IHasSelectionSetNode { SelectionSet: { } nested })
                {
                    pending.Push(nested);
                }
            }
        }
    }
}
