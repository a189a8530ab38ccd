/** The `source` of every message the project reports, README rules and input checks alike. */
export const source = 'awesome-llm-pruning'
