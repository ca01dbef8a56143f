// Stands in for packages left out of the bundle (see build.mjs): loading it and reading its
// properties works, as dockerode does at start; using it says why it is not there.
const refuse = () => {
	throw new Error('fleettop is built without ssh:// engines and BuildKit builds: use unix:// or tcp://');
};
const leftOut = new Proxy(function leftOut() {}, {
	get: (target, property) => (property === '__esModule' ? false : leftOut),
	apply: refuse,
	construct: refuse,
});
module.exports = leftOut;
