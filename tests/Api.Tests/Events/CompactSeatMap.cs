namespace TicketMaster.Api.Tests.Events;

/// <summary>The compact seat map (<c>Event.seatMap</c>) as a seat map screen reads it: the query and its records.</summary>
public static class CompactSeatMap
{
    /// <summary>Everything the compact map has.</summary>
    public const string Query = """
        query($id: ID!) {
          eventById(id: $id) {
            seatMap {
              version
              sections {
                section { id name } price { amount currency } seatKeys accessibleSeatKeys points
                shape { front { start { x y } control { x y } end { x y } } back { start { x y } control { x y } end { x y } } }
                rows { label numbers statuses }
              }
            }
          }
        }
        """;

    public sealed record Data(MapOf EventById);

    public sealed record MapOf(Map SeatMap);

    public sealed record Map(long Version, IReadOnlyList<MapSection> Sections);

    public sealed record MapSection(
        SectionRef Section, Money Price, string SeatKeys, string AccessibleSeatKeys, IReadOnlyList<double>? Points, Shape? Shape, IReadOnlyList<Row> Rows);

    public sealed record SectionRef(string Id, string Name);

    public sealed record Money(decimal Amount, string Currency);

    public sealed record Shape(Curve Front, Curve Back);

    public sealed record Curve(Point Start, Point Control, Point End);

    public sealed record Point(double X, double Y);

    public sealed record Row(string Label, string Numbers, string Statuses);
}
