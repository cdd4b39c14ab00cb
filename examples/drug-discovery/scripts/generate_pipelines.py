#!/usr/bin/env python3
"""Writes the drug-discovery pipelines (src/main/resources/nightshift/pipelines/drug-discovery{,-demo}.yaml, and
the model-enabled drug-discovery-agents{,-demo}.yaml, and the retrospective validation drug-discovery-validate.yaml), plus a one-round model-enabled pipeline for the end-to-end
test (src/test/resources/nightshift/pipelines/drug-discovery-agents-one-round.yaml).

Pipelines are static DAGs, so a campaign's rounds are unrolled: five steps per round, the same in every round and
in every configuration. The -agents pipelines add model steps to each round (an agent proposing analogues, an
agent writing the structure-activity summary, and the tools around them); they need an endpoint with id
"chemist" in the runtime's --models file. Generating them keeps the rounds identical; edit this script, not the
YAML, then run
    python3 examples/drug-discovery/scripts/generate_pipelines.py
ShippedPipelinesTest checks the result with the engine's own parser and validator.
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/main/resources/nightshift/pipelines"
TEST_OUT = Path(__file__).resolve().parent.parent / "src/test/resources/nightshift/pipelines"
# the endpoint id the agent steps call: a role, so any server in --models can play it
ENDPOINT = "chemist"

PROPOSE = """\
  - name: brief{r}
    tool: chem.brief_parents
    params:
      molecules: "{parents}"
      limit: "10"
  - name: propose{r}
    kind: agent
    model: {endpoint}
    instructions: "You are a medicinal chemist designing ABL1 kinase inhibitors. You answer with SMILES strings only, one per line: no names, no numbering, no explanations."
    prompt: "Parent molecules of this round, best first:\\n<<inline ${{steps.brief{r}.output}}>>\\nPropose ${{params.proposals}} new analogues of these parents that could bind ABL1 better while staying drug-like: copy a parent's SMILES and change one or two atoms or groups. Answer with one SMILES per line and nothing else."
    max_turns: 2
    max_output_tokens: {propose_tokens}
  - name: proposals{r}
    tool: chem.proposals
    params:
      answer: "${{steps.propose{r}.output}}"
      parents: "{parents}"
      proposed_by: "{endpoint}/${{params.model}}"
      round: "{r}"
"""

SAR = """\
  - name: facts{r}
    tool: chem.brief_round
    params:
      molecules: "${{steps.dock{r}.output}}"
      round: "{r}"
      proposals: "${{steps.proposals{r}.output}}"
  - name: sar{r}
    kind: agent
    model: {endpoint}
    instructions: "You are a medicinal chemist. You write short, factual structure-activity summaries from the numbers you are given and never invent numbers."
    prompt: "Round {r} of a design-make-test-analyse campaign against ABL1 kinase. Docking scores are ChemPLP (lower is better); QED is drug-likeness from 0 to 1.\\n<<inline ${{steps.facts{r}.output}}>>\\nIn at most five sentences, summarise the structure-activity relationships of this round: which kinds of molecules docked best, and what the next round should try."
    max_turns: 2
    max_output_tokens: {sar_tokens}
"""

ROUND = """\
  - name: generate{r}
    tool: chem.generate
    params:
      molecules: "{parents}"
      count: "${{params.candidates}}"
      seed: "${{params.seed}}{r}"
      round: "{r}"
      parent_weighting: "${{params.parent_weighting}}"
      exploit: "${{params.exploit}}"
  - name: filter{r}
    tool: chem.filter
    params:
      molecules: "${{steps.generate{r}.output}}"
      min_qed: "${{params.min_qed}}"
  - name: triage{r}
    tool: chem.select
    params:
      molecules: "${{steps.filter{r}.output}}"
      count: "${{params.dock_count}}"
      max_similarity: "0.8"
      ranking: "${{params.ranking}}"
      exploit: "${{params.exploit}}"{exclude}
  - name: dock{r}
    kind: map
    tool: chem.dock
    over: "${{steps.triage{r}.output}}"
    item_param: molecules
    chunk_size: {chunk}
    max_parallel: "${{params.max_parallel}}"
    params:
      effort: "${{params.effort}}"
      engine: "${{params.docking_engine}}"
    timeout: 2h
    heartbeat_timeout: 1m
    # a lost worker costs an attempt; each one resumes after the last molecule docked (chem.dock's checkpoint)
    retry: {{max_attempts: 10, initial_interval: 5s}}
  - name: select{r}
    tool: chem.select
    params:
      molecules: "{pool}"
      count: "${{params.keep}}"
      ranking: "${{params.ranking}}"
"""

STEPS_COMMENT = """\
# Each round, as steps NAME<round>:
#   generate  analogues of the parents (the seeds, then the previous selection) by CDK graph moves; a better-
#             ranked parent gets a larger share of them (parent_weighting: rank), and each analogue carries its
#             parents' best docking score as an estimate
#   filter    descriptors, rule of five, Veber, PAINS, Brenk unwanted groups and QED; drops and counts invalid or
#             duplicate molecules
#   triage    Pareto rank over the parents' docking score, QED and SA (Brenk alerts last) with ECFP4 diversity:
#             the docking budget goes to distinct, drug-like analogues of good binders
#   dock      a map step over the triaged set, {molecules} per activity (heartbeat per molecule), so docking
#             spreads over every CPU worker and a lost worker costs one chunk
#   select    Pareto rank over docking, QED and SA (Brenk alerts last) with ECFP4 diversity, over this round's
#             docked set pooled with the previous selection, so the best molecules so far survive a weaker round;
#             the next round builds on it (ranking: combined is the single weighted score used before)
{agents}# Every step's output is checkpointed by the engine: a crash re-runs only the steps (or map chunks) in flight.
# Generated by scripts/generate_pipelines.py (the round count is static: edit the script, not this file).
"""


AGENTS_COMMENT = """\
# With a model (the endpoint with id '""" + ENDPOINT + """' in --models), each round also has
#   brief     the parents as a short text table (SMILES, QED, docking score, MW)
#   propose   an agent step: the model reads that table (inlined into its prompt) and proposes analogues as SMILES
#   proposals parses the answer, validates each SMILES (CDK, sanitised), drops and counts invalid and duplicate
#             ones; generate merges the valid new ones, with lineage 'model-proposed by ENDPOINT/MODEL'
#   facts     the round's deterministic statistics and best docked molecules as text
#   sar       an agent step: the model writes the round's structure-activity summary from those numbers; the
#             report shows it beside the deterministic summary, naming the model
"""


def pipeline(name, description, header, rounds, chunk, candidates, dock_count, keep, effort, title, agents=False,
             out=OUT, proposals=10, answer_tokens=(256, 192), exploit="0"):
    """answer_tokens caps the proposing and the summarising agent's answers: on a CPU model each token costs time,
    and ten SMILES or five sentences need no more."""
    params = [
        ("seeds", "builtin", "builtin, or a molecule CSV: classpath:PATH, file:PATH (inputs dir), artifact:..."),
        ("candidates", f'"{candidates}"', "analogues generated per round"),
        ("min_qed", '"0.3"', "drug-likeness floor (after rule of five, Veber, PAINS, Brenk)"),
        ("dock_count", f'"{dock_count}"', "molecules docked per round (the triage's best, diverse)"),
        ("effort", effort, "docking search: fast or standard"),
        # the programs and the NIM are the operator's (NIGHTSHIFT_VINA, NIGHTSHIFT_OBABEL, NIGHTSHIFT_DIFFDOCK_NIM_URL
        # on the workers), never a parameter: a task names the engine only
        ("docking_engine", "openchemlib", "openchemlib (in process), vina or diffdock-nim (set up by the operator)"),
        ("max_parallel", '"16"', "docking chunks running at once (1-500); fewer where the workers have few cores"),
        ("keep", f'"{keep}"', "molecules selected per round and carried forward"),
        ("ranking", "pareto", "triage and selection: pareto (docking, QED, SA; Brenk last) or combined"),
        ("parent_weighting", "rank", "analogues per parent: rank (more around the best) or uniform"),
        ("exploit", f'"{exploit}"', "share (0-1) of candidates and dock_count spent near the best binders"),
        ("seed", '"7"', "random seed; round N's generator uses this followed by N"),
        ("title", f'"{title}"', "report title"),
    ]
    if agents:
        params += [
            ("model", '"unnamed"', f"the model behind endpoint '{ENDPOINT}', named in lineage and the report"),
            ("proposals", f'"{proposals}"', "analogues the model is asked to propose per round"),
        ]
    molecules = "1 molecule" if chunk == 1 else f"{chunk} molecules"
    comment = STEPS_COMMENT.format(molecules=molecules, agents=AGENTS_COMMENT if agents else "").rstrip("\n")
    lines = [header + comment, f"name: {name}", f"description: {description}", "params:"]
    lines += [f"  {k}: {v}" + " " * max(2, 26 - len(f"  {k}: {v}")) + f"# {c}" for k, v, c in params]
    lines += ["steps:", "  - name: seeds", "    tool: chem.seeds", "    params:", '      source: "${params.seeds}"']
    for r in range(1, rounds + 1):
        parents = "${steps.seeds.output}" if r == 1 else f"${{steps.select{r - 1}.output}}"
        pool = f"${{steps.dock{r}.output}}" + ("" if r == 1 else f",${{steps.select{r - 1}.output}}")
        lines.append(f"  # ---- round {r} ----")
        if agents:
            lines.append(PROPOSE.format(r=r, parents=parents, endpoint=ENDPOINT, propose_tokens=answer_tokens[0]).rstrip("\n"))
        # the triage skips what earlier rounds docked: the generator makes some of those molecules again
        docked = ",".join(f"${{steps.dock{d}.output}}" for d in range(1, r))
        exclude = f'\n      exclude: "{docked}"' if docked else ""
        round_steps = ROUND.format(r=r, parents=parents, pool=pool, chunk=chunk, exclude=exclude).rstrip("\n")
        if agents:
            round_steps = round_steps.replace(f'      round: "{r}"\n',
                                              f'      round: "{r}"\n      proposals: "${{steps.proposals{r}.output}}"\n', 1)
            round_steps += "\n" + SAR.format(r=r, endpoint=ENDPOINT, sar_tokens=answer_tokens[1]).rstrip("\n")
        lines.append(round_steps)
    docked = ",".join(f"${{steps.dock{r}.output}}" for r in range(1, rounds + 1))
    lines += ["  # ---- report: best candidates with lineage back to the seeds, per-round statistics, provenance ----",
              "  - name: report", "    tool: chem.report", "    params:",
              f'      molecules: "${{steps.select{rounds}.output}}"', f'      rounds: "{docked}"',
              '      ancestors: "${steps.seeds.output}"', '      top: "${params.keep}"', '      title: "${params.title}"']
    if agents:
        lines += ['      proposals: "' + ",".join(f"${{steps.proposals{r}.output}}" for r in range(1, rounds + 1)) + '"',
                  '      summaries: "' + ",".join(f"${{steps.sar{r}.output}}" for r in range(1, rounds + 1)) + '"',
                  f'      summary_by: "{ENDPOINT}/${{params.model}}"']
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.yaml").write_text("\n".join(lines) + "\n")


pipeline("drug-discovery-demo",
         "Three rounds of analogue design, drug-likeness filtering, docking into ABL1 and diverse selection; HTML report.",
         "# The drug-discovery demo (bin/nightshift demo): three design-make-test-analyse rounds against ABL1, sized to\n"
         "# finish in about 75 s on two cores (fast docking, 16 docked per round). Same science as drug-discovery.\n"
         "# One molecule per docking activity: molecules take 0.3-11 s each, and single ones keep both cores busy to\n"
         "# the end of a round (chunks of 4 left one core idle while the last chunk ran).\n",
         rounds=3, chunk=1, candidates=60, dock_count=16, keep=8, effort="fast",
         title="Nightshift drug-discovery demo: ABL1 kinase, 3 rounds")
pipeline("drug-discovery",
         "Eight rounds of analogue design (thousands per round), filtering, docking into ABL1 and diverse selection; HTML report.",
         "# The full drug-discovery campaign against ABL1: eight design-make-test-analyse rounds, 3,000 analogues generated\n"
         "# and 1,000 docked per round with the standard search. Docking dominates: 5-17 s per molecule, one molecule at a\n"
         "# time per core of each worker process (see SharedDocker), so 1.5-5 hours per round for one core and that\n"
         "# divided by the cores the map chunks spread over; a run takes hours to days.\n",
         rounds=8, chunk=10, candidates=3000, dock_count=1000, keep=50, effort="standard",
         title="Nightshift drug-discovery campaign: ABL1 kinase, 8 rounds")
AGENTS_HEADER = ("# Needs a model: an endpoint with id '" + ENDPOINT + "' in the runtime's --models file (see the README);\n"
                 "# name its model with -p model=NAME for the lineage and the report.\n")
pipeline("drug-discovery-agents-demo",
         "The demo campaign with model steps; each round a model proposes analogues (validated, merged) and writes a"
         " structure-activity summary.",
         "# The drug-discovery demo with model steps (bin/nightshift demo --pipeline drug-discovery-agents-demo\n"
         "# --models FILE): the demo's three rounds plus two agent steps per round.\n" + AGENTS_HEADER,
         rounds=3, chunk=4, candidates=60, dock_count=16, keep=8, effort="fast",
         title="Nightshift drug-discovery demo with model steps: ABL1 kinase, 3 rounds", agents=True)
pipeline("drug-discovery-agents",
         "The full campaign with model steps; each round a model proposes analogues (validated, merged) and writes a"
         " structure-activity summary.",
         "# The full drug-discovery campaign with model steps: drug-discovery's eight rounds plus two agent steps per\n"
         "# round; docking still dominates the run time.\n" + AGENTS_HEADER,
         rounds=8, chunk=10, candidates=3000, dock_count=1000, keep=50, effort="standard",
         title="Nightshift drug-discovery campaign with model steps: ABL1 kinase, 8 rounds", agents=True)
pipeline("drug-discovery-agents-one-round",
         "One round of the model-enabled campaign, for the end-to-end test with a real model.",
         "# Test fixture (not shipped): one round of drug-discovery-agents, for dist's DrugDiscoveryAgentsIT.\n"
         + AGENTS_HEADER,
         rounds=1, chunk=2, candidates=20, dock_count=4, keep=3, effort="fast",
         title="Nightshift drug-discovery with model steps: one round", agents=True, out=TEST_OUT,
         proposals=4, answer_tokens=(96, 96))


VALIDATE = """\
# Retrospective validation of the docking set-up: do the engines rank known ABL1 inhibitors above DUD-E-style
# decoys (property-matched, topologically dissimilar molecules from the shipped NCI library)?
#   set          the shipped actives and their decoys, with an 'active' column (chem.validation_set)
#   dock_ocl     OpenChemLib ChemPLP over the set, a map step
#   dock_vina    AutoDock Vina over the set, a map step (needs vina and obabel on the workers)
#   enrichment   ROC AUC, EF1% and EF5% with bootstrap intervals per engine and for their mean-rank consensus
#   report       the table, the decoys each active got, and how they were chosen (HTML)
# At the defaults (reduced size: {actives} actives x {decoys} decoys, fast docking, Vina exhaustiveness {exh}) it
# runs in under 30 minutes on two cores; the full size is -p decoys_per_active=50 -p effort=standard
# -p vina_exhaustiveness=8 (see the README for the figures).
# Generated by scripts/generate_pipelines.py: edit the script, not this file.
name: drug-discovery-validate
description: Retrospective validation; known ABL1 inhibitors and DUD-E-style decoys docked by OpenChemLib and Vina, ROC AUC and enrichment with bootstrap intervals, rank consensus.
params:
  actives: "{actives}"            # how many of the 15 shipped actives, in file order
  decoys_per_active: "{decoys}"   # DUD-E uses 50; the shipped library runs short for the largest actives
  max_similarity: "0.35"  # a decoy's ECFP4 Tanimoto to every active stays below this
  seed: "1"               # random seed of the decoy draw and the bootstrap
  effort: fast            # docking search of both engines: fast or standard
  vina_exhaustiveness: "{exh}"  # Vina's search exhaustiveness (8 is Vina's default)
  max_parallel: "16"      # chunks of each docking step running at once (1-500): on two cores, 16 Vina chunks
                          # (2 threads each) starve the in-process OpenChemLib docking; -p max_parallel=2 there
  resamples: "2000"       # bootstrap resamples per metric
  title: "{title}"
steps:
  - name: set
    tool: chem.validation_set
    params:
      actives: "${{params.actives}}"
      decoys_per_active: "${{params.decoys_per_active}}"
      max_similarity: "${{params.max_similarity}}"
      seed: "${{params.seed}}"
{dock_ocl}
{dock_vina}
  - name: enrichment
    tool: chem.enrichment
    params:
      docked: "${{steps.dock_ocl.output}},${{steps.dock_vina.output}}"
      engines: "openchemlib,vina"
      resamples: "${{params.resamples}}"
      seed: "${{params.seed}}"
  - name: report
    tool: chem.validation_report
    params:
      enrichment: "${{steps.enrichment.output}}"
      molecules: "${{steps.set.output}}"
      title: "${{params.title}}"
"""

DOCK_OVER_SET = """\
  - name: {name}
    kind: map
    tool: chem.dock
    over: "${{{{steps.set.output}}}}"
    item_param: molecules
    chunk_size: {chunk}
    max_parallel: "${{{{params.max_parallel}}}}"
    params:
      effort: "${{{{params.effort}}}}"
      engine: {engine}{extra}
    timeout: 2h
    heartbeat_timeout: 1m
    retry: {{{{max_attempts: 3, initial_interval: 5s}}}}"""


def validate_pipeline(name, actives, decoys, exhaustiveness, title, out=OUT):
    """The validation pipeline: one set, both engines over it, enrichment, report. Docking dominates: about 3 s a
    molecule for OpenChemLib (fast) and 5-15 s for Vina at exhaustiveness 1, so the reduced size is small."""
    dock_ocl = DOCK_OVER_SET.format(name="dock_ocl", chunk=10, engine="openchemlib", extra="")
    dock_vina = DOCK_OVER_SET.format(name="dock_vina", chunk=5, engine="vina",
                                     extra='\n      exhaustiveness: "${{params.vina_exhaustiveness}}"')
    text = VALIDATE.format(actives=actives, decoys=decoys, exh=exhaustiveness, title=title,
                           dock_ocl=dock_ocl.format(), dock_vina=dock_vina.format())
    (out / f"{name}.yaml").write_text(text)


validate_pipeline("drug-discovery-validate", actives=15, decoys=5, exhaustiveness=1,
                  title="Nightshift retrospective validation: ABL1 actives against DUD-E-style decoys")
(OUT / "index.txt").write_text("drug-discovery-demo\ndrug-discovery\ndrug-discovery-agents-demo\ndrug-discovery-agents\n"
                               "drug-discovery-validate\n")
