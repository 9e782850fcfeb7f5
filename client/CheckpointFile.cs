using SweepCluster.Engine.Training;

namespace SweepCluster.Cli;

/// <summary>Checkpoints on disk: written atomically (temp file, then rename) so a crash never leaves half a file.</summary>
public static class CheckpointFile
{
    public static void Write(string path, TrainerCheckpoint checkpoint)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, CheckpointSerializer.Serialize(checkpoint));
        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidDataException">Missing, truncated or not a checkpoint; the message names the file.</exception>
    public static TrainerCheckpoint Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: checkpoint not found");
        try
        {
            return CheckpointSerializer.Deserialize(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}");
        }
    }
}
