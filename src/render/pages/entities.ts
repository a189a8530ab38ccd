import {chip, paperCards} from '../card.ts'
import {roleLabel} from '../format.ts'
import {paperList} from './paper-list.ts'
import {folder, pagePath} from '../paths.ts'
import type {PageType} from '../route.ts'
import {datasetLd} from '../json-ld.ts'
import type {Model} from '../../types.ts'

/**
 * Other models of the family shown on a model's page. A family of thousands of sizes would otherwise list
 * every other on every page, which grows with the square of the family; the rest are one link away, on
 * the Models page.
 */
export const maxSiblings = 40

/** One page per model, with the papers that use it and the other models of its family. */
export const model: PageType = (graph) => {
  const families = new Map<string, Model[]>()
  for (const model of graph.models) {
    const family = families.get(model.familyId)
    if (family) family.push(model)
    else families.set(model.familyId, [model])
  }
  return graph.models.map((model) => ({
    page: pagePath('model', model.id),
    template: 'pages/model',
    title: model.name,
    description: `Pruning papers that use ${model.name}.`,
    nav: 'models',
    data: () => {
      const others = (families.get(model.familyId) ?? []).filter((other) => other.id !== model.id)
      return {
        model,
        list: paperList(paperCards(graph, model.papers)),
        // The family's place on the Models page, where the rest of its sizes are.
        familyHref: `${folder.model}/#family-${model.familyId}`,
        siblings: others.slice(0, maxSiblings).map((other) => chip(graph, 'model', other.id)),
        moreSiblings: Math.max(0, others.length - maxSiblings)
      }
    }
  }))
}

/** One page per dataset, with its roles and the papers that use it. */
export const dataset: PageType = (graph) =>
  graph.datasets.map((dataset) => ({
    page: pagePath('dataset', dataset.id),
    template: 'pages/dataset',
    title: dataset.name,
    description: `Pruning papers that use the ${dataset.name} dataset.`,
    nav: 'datasets',
    jsonLd: (url) => datasetLd(graph, dataset, url),
    data: () => {
      const roles = dataset.roles.map((role) => roleLabel[role])
      return {dataset, roles, usedFor: roles.join(', ') || 'Not stated', list: paperList(paperCards(graph, dataset.papers))}
    }
  }))

/** One page per fine-tuning method, with the papers that use it. */
export const method: PageType = (graph) =>
  graph.methods.map((method) => ({
    page: pagePath('method', method.id),
    template: 'pages/method',
    title: method.name,
    description: `Pruning papers that fine-tune with ${method.name}.`,
    nav: 'methods',
    data: () => ({method, list: paperList(paperCards(graph, method.papers))})
  }))
