// A compact, versioned binary encoding of TrainerCheckpoint (little-endian, floats as raw IEEE-754 bits so a restore
// is bit-exact). Arrays are copied as whole blocks of bytes: a trial checkpoints after every epoch, so this is on the
// training path. Deliberately no general-purpose serializer: the format is small, stable and has no reflection.
using System.Runtime.InteropServices;
using System.Text;
using SweepCluster.Core;
using SweepCluster.Engine.Optimizers;

namespace SweepCluster.Engine.Training;

public static class CheckpointSerializer
{
    private const uint Magic = 0x53434B50; // "SCKP"
    private const int FormatVersion = 1;

    public static byte[] Serialize(TrainerCheckpoint checkpoint)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("checkpoints are written on little-endian machines");
        using var stream = new MemoryStream(EstimateSize(checkpoint));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(checkpoint.Epoch);
            writer.Write(checkpoint.Step);
            WriteArrays(writer, checkpoint.Weights);
            WriteArrays(writer, checkpoint.Biases);
            writer.Write(checkpoint.Optimizer.Steps);
            WriteArrays(writer, checkpoint.Optimizer.Buffers);
            writer.Write(checkpoint.ScheduleStates.Count);
            foreach (var state in checkpoint.ScheduleStates) WriteDoubles(writer, state);
            writer.Write(checkpoint.ShuffleRandomState.Count);
            foreach (var word in checkpoint.ShuffleRandomState) writer.Write(word);
            writer.Write(checkpoint.History.Count);
            foreach (var record in checkpoint.History) WriteRecord(writer, record);
            WriteDoubles(writer, checkpoint.Applied.LearningRate);
            WriteDoubles(writer, checkpoint.Applied.WeightDecay);
            WriteInts(writer, checkpoint.Applied.BatchSize);
        }
        return stream.ToArray();
    }

    // Big enough for the arrays, so the stream is not regrown while writing.
    private static int EstimateSize(TrainerCheckpoint c)
    {
        const int headerAndRecords = 1024;
        const int bytesPerRecord = 96;
        long floats = c.Weights.Sum(a => (long)a.Length) + c.Biases.Sum(a => (long)a.Length) + c.Optimizer.Buffers.Sum(a => (long)a.Length);
        long size = headerAndRecords + floats * sizeof(float) + c.History.Count * bytesPerRecord
            + (c.Applied.LearningRate.Count + c.Applied.WeightDecay.Count) * sizeof(double) + c.Applied.BatchSize.Count * sizeof(int);
        return (int)Math.Min(size, int.MaxValue);
    }

    /// <exception cref="InvalidDataException">The bytes are not a checkpoint of this format version.</exception>
    public static TrainerCheckpoint Deserialize(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (reader.ReadUInt32() != Magic) throw new InvalidDataException("not a SweepCluster checkpoint (bad magic number)");
            var version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"checkpoint format version {version} is not supported (this build reads {FormatVersion})");
            var epoch = reader.ReadInt32();
            var step = reader.ReadInt64();
            var weights = ReadArrays(reader);
            var biases = ReadArrays(reader);
            var optimizer = new OptimizerState(reader.ReadInt64(), ReadArrays(reader));
            var schedules = new double[ReadCount(reader)][];
            for (var i = 0; i < schedules.Length; i++) schedules[i] = ReadDoubles(reader);
            var random = new ulong[ReadCount(reader)];
            for (var i = 0; i < random.Length; i++) random[i] = reader.ReadUInt64();
            var history = new EpochRecord[ReadCount(reader)];
            for (var i = 0; i < history.Length; i++) history[i] = ReadRecord(reader);
            var learningRate = ReadDoubles(reader);
            var weightDecay = ReadDoubles(reader);
            var batchSizes = ReadBlock<int>(reader);
            if (stream.Position != stream.Length) throw new InvalidDataException("checkpoint has trailing bytes");
            return new TrainerCheckpoint(epoch, step, weights, biases, optimizer, schedules, random, history,
                new AppliedSchedule(learningRate, weightDecay, batchSizes));
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("checkpoint is truncated");
        }
    }

    private static void WriteArrays(BinaryWriter writer, IReadOnlyList<float[]> arrays)
    {
        writer.Write(arrays.Count);
        foreach (var array in arrays) WriteBlock<float>(writer, array);
    }

    private static float[][] ReadArrays(BinaryReader reader)
    {
        var arrays = new float[ReadCount(reader)][];
        for (var i = 0; i < arrays.Length; i++) arrays[i] = ReadBlock<float>(reader);
        return arrays;
    }

    private static void WriteDoubles(BinaryWriter writer, IReadOnlyList<double> values) => WriteBlock<double>(writer, SpanOf(values));

    private static double[] ReadDoubles(BinaryReader reader) => ReadBlock<double>(reader);

    private static void WriteInts(BinaryWriter writer, IReadOnlyList<int> values) => WriteBlock<int>(writer, SpanOf(values));

    // The values as a span without copying when they are an array or a list (the trainer's live lists).
    private static ReadOnlySpan<T> SpanOf<T>(IReadOnlyList<T> values) => values switch
    {
        T[] array => array,
        List<T> list => CollectionsMarshal.AsSpan(list),
        _ => values.ToArray(),
    };

    // A count, then the values' raw little-endian bytes in one block.
    private static void WriteBlock<T>(BinaryWriter writer, ReadOnlySpan<T> values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static T[] ReadBlock<T>(BinaryReader reader) where T : unmanaged
    {
        var count = reader.ReadInt32();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * Marshal.SizeOf<T>() > remaining) throw new InvalidDataException($"checkpoint is corrupt (a block of {count} values)");
        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || count > remaining) throw new InvalidDataException($"checkpoint is corrupt (a count of {count})");
        return count;
    }

    private static void WriteRecord(BinaryWriter writer, EpochRecord r)
    {
        writer.Write(r.Epoch);
        writer.Write(r.Step);
        writer.Write(r.TrainLoss);
        writer.Write(r.TrainMetric);
        WriteOptional(writer, r.ValLoss);
        WriteOptional(writer, r.ValMetric);
        WriteOptional(writer, r.ValR2);
        writer.Write(r.LearningRate);
        writer.Write(r.WeightDecay);
        writer.Write(r.BatchSize);
    }

    private static EpochRecord ReadRecord(BinaryReader reader) => new(
        reader.ReadInt32(), reader.ReadInt64(), reader.ReadDouble(), reader.ReadDouble(),
        ReadOptional(reader), ReadOptional(reader), ReadOptional(reader),
        reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        writer.Write(value ?? 0.0);
    }

    private static double? ReadOptional(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var value = reader.ReadDouble();
        return has ? value : null;
    }
}
