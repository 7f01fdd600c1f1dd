declare module 'lunr-languages/lunr.stemmer.support.js' {
  const register: (lunr: typeof import('lunr')) => void;
  export default register;
}
declare module 'lunr-languages/lunr.es.js' {
  const register: (lunr: typeof import('lunr')) => void;
  export default register;
}
