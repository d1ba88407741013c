//! The pallets benchmarked by `metacert-node benchmark pallet` (feature `runtime-benchmarks`).
//!
//! Every pallet of the runtime that has benchmarks is listed here; `scripts/weights.sh` runs them.

use frame_benchmarking::define_benchmarks;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

use crate::Runtime;

impl frame_system_benchmarking::Config for Runtime {}

/// Fees are burnt, so the transaction-payment benchmarks need no block author; their payer
/// (`account("caller", 0, 0)`, funded by the benchmark afterwards) is the token's worst case: it
/// delegates, is delegated to and has a full list of snapshot values, and the fee is its first
/// change after the latest snapshot.
impl pallet_transaction_payment::BenchmarkConfig for Runtime {
	fn setup_benchmark_environment() {
		let payer: crate::AccountId = frame_benchmarking::account("caller", 0, 0);
		Balances::benchmark_worst_case_payer(&payer);
	}
}

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
