// opencc-js ships its dictionaries as ES modules without type declarations.
declare module 'opencc-js/dict/*' {
  /** Entries "from to|from to…"; `to` may list several candidates separated by spaces. */
  const dict: string;
  export default dict;
}
