import {chip} from '../card.ts'
import {byText, plural, roleLabel} from '../format.ts'
import {folder} from '../paths.ts'
import {datasetRoles, type Dataset, type Id, type Model} from '../../types.ts'
import type {PageType} from '../route.ts'

/** Models, grouped by family, smallest first within a family. */
export const models: PageType = (graph) => {
  const families = new Map<Id, {name: string; models: Model[]}>()
  for (const model of graph.models) {
    const family = families.get(model.familyId)
    if (family) family.models.push(model)
    else families.set(model.familyId, {name: model.family, models: [model]})
  }
  const bySize = (a: Model, b: Model) => (a.paramsBillions ?? Infinity) - (b.paramsBillions ?? Infinity) || byText<Model>((m) => m.name)(a, b)
  return [{
    page: `${folder.model}/`,
    template: 'pages/models',
    title: 'Models',
    description: `The ${graph.models.length} models pruned in the listed papers, grouped by family.`,
    nav: 'models',
    data: () => ({
      families: [...families.entries()]
        .map(([id, family]) => ({
          id,
          name: family.name,
          models: [...family.models].sort(bySize).map((model) => ({...chip(graph, 'model', model.id), params: model.params ?? '', count: model.papers.length, papers: plural(model.papers.length, 'paper')}))
        }))
        .sort(byText((family) => family.name))
    })
  }]
}

/** Datasets, grouped by the role the list gives them. */
export const datasets: PageType = (graph) => {
  const entry = (dataset: Dataset) => ({...chip(graph, 'dataset', dataset.id), count: dataset.papers.length, papers: plural(dataset.papers.length, 'paper')})
  const groups: Array<{id: string; label: string; datasets: ReturnType<typeof entry>[]}> = datasetRoles.map((role) => ({
    id: role,
    label: roleLabel[role],
    datasets: graph.datasets.filter((d) => d.roles.includes(role)).map(entry)
  }))
  groups.push({id: 'other', label: 'Other', datasets: graph.datasets.filter((d) => d.roles.length === 0).map(entry)})
  return [{
    page: `${folder.dataset}/`,
    template: 'pages/datasets',
    title: 'Datasets',
    description: `The ${graph.datasets.length} datasets used to calibrate, fine-tune and evaluate pruned models.`,
    nav: 'datasets',
    data: () => ({groups: groups.filter((group) => group.datasets.length > 0)})
  }]
}

export const methods: PageType = (graph) => [{
  page: `${folder.method}/`,
  template: 'pages/methods',
  title: 'Fine-tuning methods',
  description: 'Fine-tuning methods used to recover pruned models.',
  nav: 'methods',
  data: () => ({methods: graph.methods.map((method) => ({...chip(graph, 'method', method.id), count: method.papers.length, papers: plural(method.papers.length, 'paper')}))})
}]

/** The tools the list links to; described by the Tools section's own opening quote when it has one. */
export const tools: PageType = (graph) => [{
  page: 'tools/',
  template: 'pages/tools',
  title: graph.sections.find((section) => section.kind === 'tools')?.title || 'Tools',
  description: graph.sections.find((section) => section.kind === 'tools')?.description || `The ${plural(graph.tools.length, 'tool')} that ${graph.title || 'the list'} links to.`,
  nav: 'tools',
  data: () => ({tools: graph.tools.map((tool) => {
    const host = new URL(tool.href).hostname
    // `[](https://…)` is a tool with no name: the link is named by where it goes.
    return {name: tool.name || host || tool.href, href: tool.href, host}
  })})
}]
