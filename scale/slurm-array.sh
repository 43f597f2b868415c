#!/bin/bash
# Runs the standard profile as 8 shards on a Slurm cluster (a job array), one run folder per shard:
#   sbatch scale/slurm-array.sh
# then, once all tasks are done:
#   npx xai-bench aggregate results/shard-* --out results/merged
# A shard that was cut short (preemption, node failure: --requeue puts it back in the queue; or a time
# limit, then resubmit the same script) continues where it stopped: `run` resumes a folder of the same
# configuration, keeping its finished cells. The dead attempt's lock (run.lock) is taken over: at once on
# the same node, after its heartbeat has been still for a minute on another one.
#SBATCH --job-name=xai-bench
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=02:00:00
#SBATCH --requeue
set -euo pipefail
out="results/shard-${SLURM_ARRAY_TASK_ID}"
npx xai-bench run --profile standard --seed 0 --jobs "${SLURM_CPUS_PER_TASK}" \
  --shard "${SLURM_ARRAY_TASK_ID}/8" --out "$out"
