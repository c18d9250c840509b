using GraphQL.Types;
using TicketMaster.Api.Events;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public sealed class PerformerType : ObjectGraphType<Performer>
{
    public const string TypeName = "Performer";

    public PerformerType()
    {
        Name = TypeName;
        Description = "An artist, band, team, company or comedian who appears at events.";
        this.ImplementsNode(TypeName, p => p.Id);
        Field(p => p.Name).Description("Display name, as billed on event line-ups.");
        Field(p => p.Description).Description("A short biography as plain text (no HTML or Markdown); empty when there is none.");
        Field(p => p.Genre).Description("Free text such as \"indie rock\" or \"football\", for display; not a fixed list.");
        Field(p => p.ImageUrl, nullable: true).Description("An absolute URL of a picture, when there is one.");
        this.EventsConnection("events", "Events this performer appears at.", (db, performer) => db.Events.Where(e => e.Performers.Any(p => p.Id == performer.Id)));
    }
}
