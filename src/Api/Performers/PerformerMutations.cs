using System.ComponentModel;
using GraphQL.Types;
using TicketMaster.Api.Users;
using TicketMaster.Common;
using TicketMaster.GraphQL.Mutations;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Performers;

namespace TicketMaster.Api.Performers;

public static class PerformerMutations
{
    public static void AddPerformerMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreatePerformerInput, Performer>("createPerformer")
            .Description("Adds a performer you can put on your events' line-ups (`createEvent(input: { performerIds })`) and edit later. Organizers and admins.")
            .AuthorizeWithPolicy(Policies.Organizers)
            .Returns<PerformerType>("performer", "The new performer.")
            .Errors(typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<CreatePerformer>().ExecuteAsync(ctx.UserId(), input.Name, input.Description ?? "", input.Genre, input.ImageUrl, ctx.CancellationToken));

        mutation.Mutation<UpdatePerformerInput, Performer>("updatePerformer")
            .Description("Changes how a performer is billed; fields left out keep their value. Events they appear at show the change, in search too. Only the organizer who added the performer, or an admin.")
            .AuthorizeWithPolicy(Policies.PerformerCreator)
            .Returns<PerformerType>("performer", "The performer as it is now.")
            .Errors(typeof(PerformerNotFoundException), typeof(InvalidFieldException))
            .Resolve((input, ctx) => ctx.Service<UpdatePerformer>().ExecuteAsync(input.PerformerId, input.Name, input.Description, input.Genre, input.ImageUrl, ctx.CancellationToken));
    }
}

[Description("A new performer.")]
public sealed record CreatePerformerInput(
    [property: Description("Display name as billed, 1 to 200 characters.")] string Name,
    [property: Description("Free text such as \"indie rock\" or \"football\", 1 to 50 characters.")] string Genre,
    [property: Description("A short biography as plain text, at most 4,000 characters.")] string? Description = null,
    [property: Description("An absolute URL of a picture.")] string? ImageUrl = null);

[Description("The performer to change and the fields to change; a field left out keeps its value.")]
public sealed record UpdatePerformerInput(
    [property: Id(PerformerType.TypeName), Description("The performer to change.")] int PerformerId,
    [property: Description("New display name, 1 to 200 characters.")] string? Name = null,
    [property: Description("New genre, 1 to 50 characters.")] string? Genre = null,
    [property: Description("New biography, at most 4,000 characters.")] string? Description = null,
    [property: Description("New absolute picture URL.")] string? ImageUrl = null) : IPerformerScoped;
