/// Every fuzz target, in the order `run-all` runs them.
let fuzzTargets: [FuzzTarget] = [
    slideTarget, deflateTarget, zipTarget, tarTarget, csvTarget, pointsTarget, niftiTarget, metaImageTarget, pngTarget,
    geoJSONTarget, asapTarget, wktTarget, specTarget, multipartTarget, formTarget, fieldsTarget, imageTarget, readsTarget,
]
