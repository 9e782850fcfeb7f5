// Messages in flight. Delivery order is the world's choice: a random one (delay and reordering), or the oldest
// first. One exception: a trial grain awaits each call to the coordinator before it makes the next, so the calls of
// one trial activation arrive in the order it made them, unless one was given up on (it timed out and arrives late,
// or it is a duplicate). Faults drop a message (a call's caller then gets a failed answer), deliver a copy twice, or
// make one late.
namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class Network
{
    private readonly List<Envelope> _inFlight = [];
    private long _sent;

    public int Count => _inFlight.Count;

    public void Send(Message message, bool late = false) => _inFlight.Add(new Envelope(++_sent, message, late));

    /// <summary>Takes the oldest message, or a random one (then any message may overtake any other, but for a trial's calls).</summary>
    public Message Take(SimRandom? random)
    {
        var index = random is null ? 0 : random.Next(_inFlight.Count);
        var chosen = _inFlight[index];
        var sender = chosen.Message.SenderOf();
        if (sender >= 0 && !chosen.Late)
            index = _inFlight.FindIndex(e => !e.Late && e.Message.SenderOf() == sender); // its sender's oldest call first
        return TakeAt(index);
    }

    /// <summary>Takes the oldest message matching <paramref name="match"/>, if any.</summary>
    public Message? TakeFirst(Func<Message, bool> match)
    {
        var index = _inFlight.FindIndex(e => match(e.Message));
        return index < 0 ? null : TakeAt(index);
    }

    public bool Any(Func<Message, bool> match) => _inFlight.Exists(e => match(e.Message));

    /// <summary>Loses a random message; a lost call or answer is replaced by the failure its caller sees.</summary>
    public Message Drop(SimRandom random)
    {
        var message = TakeAt(random.Next(_inFlight.Count));
        if (message.AsFailure() is { } failure) Send(failure);
        return message;
    }

    /// <summary>Sends a copy of a random message that may be delivered twice (late); false when there is none.</summary>
    public bool Duplicate(SimRandom random)
    {
        var candidates = _inFlight.Where(e => e.Message.CanDuplicate()).ToArray();
        if (candidates.Length == 0) return false;
        Send(random.Pick(candidates).Message, late: true);
        return true;
    }

    /// <summary>The caller gave up on a random trial call (a timeout): it may still arrive, after later ones.</summary>
    public bool Delay(SimRandom random)
    {
        var candidates = _inFlight.Select((e, i) => (e, i)).Where(p => p.e.Message.SenderOf() >= 0 && !p.e.Late).ToArray();
        if (candidates.Length == 0) return false;
        var (envelope, index) = random.Pick(candidates);
        _inFlight[index] = envelope with { Late = true };
        return true;
    }

    /// <summary>Marks the question of <paramref name="call"/> late: its sender asks again without waiting for it.</summary>
    public void GiveUp(CallRef call)
    {
        var index = _inFlight.FindIndex(e => e.Message is QuestionMessage q && q.Call == call);
        if (index >= 0) _inFlight[index] = _inFlight[index] with { Late = true };
    }

    private Message TakeAt(int index)
    {
        var message = _inFlight[index].Message;
        _inFlight.RemoveAt(index);
        return message;
    }

    private sealed record Envelope(long Sequence, Message Message, bool Late);
}
