#!/bin/bash
# Runs the standard profile as 8 shards on a Slurm cluster (a job array), one run folder per shard:
#   sbatch scale/slurm-array.sh
# then, once all tasks are done:
#   npx xai-bench aggregate results/shard-* --out results/merged
# A shard that was cut short (preemption, time limit) continues where it stopped: rerun it with --resume.
#SBATCH --job-name=xai-bench
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=8G
#SBATCH --time=02:00:00
set -euo pipefail
out="results/shard-${SLURM_ARRAY_TASK_ID}"
resume=""
[ -f "$out/run.json" ] && resume="--resume"
npx xai-bench run --profile standard --seed 0 --jobs "${SLURM_CPUS_PER_TASK}" \
  --shard "${SLURM_ARRAY_TASK_ID}/8" --out "$out" $resume
