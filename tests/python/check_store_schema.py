#!/usr/bin/env python3
"""Checks a SweepCluster store file against docs/store.md with Python's own sqlite3 module, no SweepCluster code:
the tables, their columns and declared types, the keys, one typed column per searched hyperparameter (declared
as sweep_hyperparameters says, and holding values of that type), and the sweep's row counts.

It does not check values beyond their types, nor PostgreSQL stores.

usage: check_store_schema.py STORE SWEEP --trials N --epochs N [--column NAME:TYPE ...]
exit 0 and "ok: ..." when every check passes; exit 1 and one line per failed check otherwise.
"""
import argparse
import pathlib
import sqlite3
import sys

# docs/store.md, "Tables": column -> declared SQLite type, in table order.
SWEEPS = {
    "id": "TEXT", "name": "TEXT", "spec": "TEXT", "status": "TEXT", "created": "TEXT", "finished": "TEXT",
    "metric": "TEXT", "goal": "TEXT",
}
TRIALS_FIXED = {
    "sweep": "TEXT", "trial": "INTEGER", "combination": "INTEGER", "seed": "INTEGER", "status": "TEXT",
    "final_metric": "REAL", "best_metric": "REAL", "best_epoch": "INTEGER", "epochs_run": "INTEGER",
    "wall_seconds": "REAL", "silo": "TEXT", "attempts": "INTEGER", "pruned_at_epoch": "INTEGER", "pbt_donor": "INTEGER",
    "test_metric": "REAL",
}
EPOCHS = {
    "sweep": "TEXT", "trial": "INTEGER", "epoch": "INTEGER", "step": "INTEGER", "train_loss": "REAL",
    "train_metric": "REAL", "val_loss": "REAL", "val_metric": "REAL", "val_r2": "REAL", "learning_rate": "REAL",
    "weight_decay": "REAL", "batch_size": "INTEGER",
}
SWEEP_HYPERPARAMETERS = {"sweep": "TEXT", "position": "INTEGER", "column_name": "TEXT", "column_type": "TEXT"}
GRAIN_STATE = {"grain_type": "TEXT", "grain_id": "TEXT", "state_name": "TEXT", "payload": "BLOB", "etag": "TEXT", "written": "TEXT"}
SCHEMA = {"version": "INTEGER", "applied": "TEXT", "description": "TEXT"}

TABLES = {
    "sweeps": (SWEEPS, ["id"]),
    "epochs": (EPOCHS, ["sweep", "trial", "epoch"]),
    "sweep_hyperparameters": (SWEEP_HYPERPARAMETERS, ["sweep", "column_name"]),
    "grain_state": (GRAIN_STATE, ["grain_type", "grain_id", "state_name"]),
    "sweepcluster_schema": (SCHEMA, ["version"]),
}

# sweep_hyperparameters.column_type -> (declared type, what typeof() returns for a value)
HYPERPARAMETER_TYPES = {"text": ("TEXT", "text"), "real": ("REAL", "real"), "integer": ("INTEGER", "integer")}


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def columns_of(con, table):
    """name -> (declared type, primary-key position) of every column of table."""
    return {row[1]: (row[2].upper(), row[5]) for row in con.execute(f"SELECT * FROM pragma_table_info({quote(table)})")}


def check_table(con, table, expected, key, failures, exact=True):
    found = columns_of(con, table)
    if not found:
        failures.append(f"table {table} is missing")
        return
    for name, declared in expected.items():
        if name not in found:
            failures.append(f"{table}.{name} is missing")
        elif found[name][0] != declared:
            failures.append(f"{table}.{name} is declared {found[name][0]}, not {declared}")
    if exact and set(found) != set(expected):
        failures.append(f"{table} has columns the docs do not list: {sorted(set(found) - set(expected))}")
    primary = [name for name, _ in sorted(((n, c[1]) for n, c in found.items() if c[1] > 0), key=lambda p: p[1])]
    if primary != key:
        failures.append(f"{table}'s primary key is {primary}, not {key}")


def check(con, sweep, trials, epochs, named):
    failures = []
    for table, (expected, key) in TABLES.items():
        check_table(con, table, expected, key, failures)
    # trials: the fixed columns, then any number of hyperparameter columns of any sweep.
    check_table(con, "trials", TRIALS_FIXED, ["sweep", "trial"], failures, exact=False)
    if failures:
        return failures

    if con.execute("SELECT COUNT(*) FROM sweeps WHERE id = ?", (sweep,)).fetchone()[0] != 1:
        failures.append(f"sweeps has no row {sweep!r}")
    if con.execute("SELECT MAX(version) FROM sweepcluster_schema").fetchone()[0] is None:
        failures.append("sweepcluster_schema has no version row")

    declared = columns_of(con, "trials")
    listed = con.execute(
        "SELECT column_name, column_type FROM sweep_hyperparameters WHERE sweep = ? ORDER BY position", (sweep,)).fetchall()
    if not listed:
        failures.append(f"sweep_hyperparameters lists no column for {sweep!r}")
    for name, column_type in listed:
        if column_type not in HYPERPARAMETER_TYPES:
            failures.append(f"sweep_hyperparameters: {name} has type {column_type!r}, not text, real or integer")
            continue
        sql_type, value_type = HYPERPARAMETER_TYPES[column_type]
        if name not in declared:
            failures.append(f"trials has no column {name!r}, which sweep_hyperparameters lists")
            continue
        if declared[name][0] != sql_type:
            failures.append(f"trials.{name} is declared {declared[name][0]}, not {sql_type}")
        stored = {row[0] for row in con.execute(
            f"SELECT DISTINCT typeof({quote(name)}) FROM trials WHERE sweep = ? AND {quote(name)} IS NOT NULL", (sweep,))}
        if stored - {value_type}:
            failures.append(f"trials.{name} holds {sorted(stored)} values, not only {value_type}")
    listed_types = dict(listed)
    for name, column_type in named:
        if listed_types.get(name) != column_type:
            failures.append(f"{name} should be a {column_type} hyperparameter column of {sweep!r}, "
                            f"sweep_hyperparameters says {listed_types.get(name)!r}")

    for table, expected in (("trials", trials), ("epochs", epochs)):
        count = con.execute(f"SELECT COUNT(*) FROM {table} WHERE sweep = ?", (sweep,)).fetchone()[0]
        if count != expected:
            failures.append(f"{table} has {count} rows of {sweep!r}, not {expected}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("sweep")
    parser.add_argument("--trials", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--column", action="append", default=[], metavar="NAME:TYPE",
                        help="a hyperparameter column the sweep must have, e.g. learning_rate.initial:real")
    args = parser.parse_args()
    named = [tuple(spec.rsplit(":", 1)) for spec in args.column]

    # Read-only, as any reader of a store should be: the file is never created or changed.
    try:
        con = sqlite3.connect(pathlib.Path(args.store).absolute().as_uri() + "?mode=ro", uri=True)
        failures = check(con, args.sweep, args.trials, args.epochs, named)
        con.close()
    except sqlite3.Error as error:
        failures = [f"{args.store}: {error}"]
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        return 1
    print(f"ok: {args.store}: {args.trials} trials, {args.epochs} epochs of {args.sweep}, "
          f"{len(named)} named hyperparameter columns, schema as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
