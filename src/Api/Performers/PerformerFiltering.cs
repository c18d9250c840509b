using TicketMaster.GraphQL.Filtering;
using TicketMaster.GraphQL.Sorting;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public sealed class PerformerFilterInputType : FilterInputType<Performer>
{
    public PerformerFilterInputType()
        : base("PerformerFilterInput")
    {
        String("name", p => p.Name);
        String("genre", p => p.Genre);
        String("description", p => p.Description);
    }
}

public sealed class PerformerSortInputType : SortInputType<Performer>
{
    public PerformerSortInputType()
        : base("PerformerSortInput")
    {
        Field("name", (Performer p) => p.Name);
        Field("genre", (Performer p) => p.Genre);
    }
}
