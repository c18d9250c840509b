using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public sealed class PerformerFilterInputType : FilterInputType<Performer>
{
    public PerformerFilterInputType()
        : base("PerformerFilterInput", "performers")
    {
        String("name", p => p.Name, "Performers by display name.");
        String("genre", p => p.Genre, "Performers by genre, as written in `Performer.genre`.");
        String("description", p => p.Description, "Performers by the text of their description.");
    }
}

public sealed class PerformerSortInputType : SortInputType<Performer>
{
    public PerformerSortInputType()
        : base("PerformerSortInput", "performers")
    {
        Field("name", (Performer p) => p.Name, "By display name.");
        Field("genre", (Performer p) => p.Genre, "By genre.");
    }
}
