import type {Graph} from '../types.ts'
import {folder, pagePath} from './paths.ts'
import {
  datasetView,
  datasetsView,
  homeView,
  methodView,
  methodsView,
  modelView,
  modelsView,
  paperView,
  toolsView
} from './views.ts'

/** Nav keys: which top-level part of the site a page belongs to. */
export type NavKey = 'papers' | 'methods' | 'models' | 'datasets' | 'tools'

export interface Route {
  /** The page path, relative to the site root: `''` for home, `models/x/` for a model. */
  page: string
  template: string
  title: string
  description: string
  nav: NavKey | undefined
  data: Record<string, unknown>
}

/** Every page of the site, in a stable order. Each page is rendered once, from its own view data. */
export function routes(graph: Graph): Route[] {
  const list: Route[] = [
    {
      page: '',
      template: 'pages/home',
      title: graph.title,
      description: `${graph.papers.length} papers on pruning large language models, cross-linked with the models, datasets and fine-tuning methods they use.`,
      nav: 'papers',
      data: homeView(graph)
    },
    {page: `${folder.model}/`, template: 'pages/models', title: 'Models', description: `The ${graph.models.length} models pruned in the listed papers, grouped by family.`, nav: 'models', data: modelsView(graph)},
    {page: `${folder.dataset}/`, template: 'pages/datasets', title: 'Datasets', description: `The ${graph.datasets.length} datasets used to calibrate, fine-tune and evaluate pruned models.`, nav: 'datasets', data: datasetsView(graph)},
    {page: `${folder.method}/`, template: 'pages/methods', title: 'Fine-tuning methods', description: 'Fine-tuning methods used to recover pruned models.', nav: 'methods', data: methodsView(graph)},
    {page: 'tools/', template: 'pages/tools', title: 'Tools', description: 'Tools for evaluating pruned language models.', nav: 'tools', data: toolsView(graph)}
  ]
  for (const paper of graph.papers) {
    list.push({page: pagePath('paper', paper.id), template: 'pages/paper', title: paper.title, description: `${paper.venue.text || 'Paper'}: ${paper.title}`, nav: 'papers', data: paperView(graph, paper)})
  }
  for (const model of graph.models) {
    list.push({page: pagePath('model', model.id), template: 'pages/model', title: model.name, description: `Pruning papers that use ${model.name}.`, nav: 'models', data: modelView(graph, model)})
  }
  for (const dataset of graph.datasets) {
    list.push({page: pagePath('dataset', dataset.id), template: 'pages/dataset', title: dataset.name, description: `Pruning papers that use the ${dataset.name} dataset.`, nav: 'datasets', data: datasetView(graph, dataset)})
  }
  for (const method of graph.methods) {
    list.push({page: pagePath('method', method.id), template: 'pages/method', title: method.name, description: `Pruning papers that fine-tune with ${method.name}.`, nav: 'methods', data: methodView(graph, method)})
  }
  return list
}
