namespace TicketMaster.GraphQL.Transport.WebSockets;

/// <summary>
/// What one connection still has to send, in order. Results of a subscription are droppable: past
/// <c>maxResultsPerOperation</c> queued for one operation the oldest goes, so a client that stops
/// reading costs bounded memory and nobody else anything. Protocol messages (ack, pong, complete,
/// error, close) are never dropped; a client that lets too many of those pile up is cut off.
/// </summary>
public sealed class OutgoingQueue(int maxResultsPerOperation, int maxProtocolMessages = 10_000)
{
    private readonly LinkedList<Outgoing> _items = new();
    private readonly Dictionary<string, Queue<LinkedListNode<Outgoing>>> _results = [];
    private readonly SemaphoreSlim _signal = new(0);
    private int _protocolMessages;

    /// <summary>Results dropped so far because their client read too slowly.</summary>
    public long Dropped { get; private set; }

    /// <summary>False when the client let too many protocol messages pile up; close the connection.</summary>
    public bool Enqueue(Outgoing item)
    {
        lock (_items)
        {
            var node = _items.AddLast(item);
            if (item.DroppableFor is { } operationId)
            {
                if (!_results.TryGetValue(operationId, out var queued))
                {
                    _results[operationId] = queued = new Queue<LinkedListNode<Outgoing>>();
                }

                queued.Enqueue(node);
                if (queued.Count > maxResultsPerOperation)
                {
                    _items.Remove(queued.Dequeue());
                    Dropped++;
                }
            }
            else if (++_protocolMessages > maxProtocolMessages)
            {
                return false;
            }
        }

        _signal.Release();
        return true;
    }

    public async Task<Outgoing> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.WaitAsync(cancellationToken);
            lock (_items)
            {
                if (_items.First is not { } node)
                {
                    // Its slot went to a dropped result.
                    continue;
                }

                _items.RemoveFirst();
                if (node.Value.DroppableFor is { } operationId)
                {
                    var queued = _results[operationId];
                    queued.Dequeue();
                    if (queued.Count == 0)
                    {
                        _results.Remove(operationId);
                    }
                }
                else
                {
                    _protocolMessages--;
                }

                return node.Value;
            }
        }
    }
}

/// <summary>One message to send, or the close that ends the connection.</summary>
/// <param name="DroppableFor">The operation id when this is a droppable subscription result.</param>
public sealed record Outgoing(string Text, string? DroppableFor = null, int? CloseStatus = null);
