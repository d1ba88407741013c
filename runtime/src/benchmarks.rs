//! The pallets benchmarked by `metacert-node benchmark pallet` (feature `runtime-benchmarks`).
//!
//! Every pallet of the runtime that has benchmarks is listed here; `scripts/weights.sh` runs them.

use frame_benchmarking::define_benchmarks;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

use crate::Runtime;

impl frame_system_benchmarking::Config for Runtime {}

/// Fees are burnt, so the transaction-payment benchmarks need no environment (no block author).
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_token, Balances]
	[pallet_governance, Governance]
	[pallet_upgrades, Upgrades]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_preimage, Preimage]
	[pallet_parameters, Parameters]
	[pallet_scheduler, Scheduler]
);

pub use crate::{
	Balances, Governance, Parameters, Preimage, Scheduler, Timestamp, TransactionPayment,
};
